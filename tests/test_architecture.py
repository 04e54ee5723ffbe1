"""The architecture contracts of pyproject.toml cover the whole house.

import-linter checks the contracts it is given; these tests check that no app or module
escapes them, so that a new app or a new views module is protected from its first commit.
"""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
CONTRACTS = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["tool"]["importlinter"]
# What another app may never import (STYLE.md, "The house"): its pages and their inputs.
PRIVATE_MODULES = ("views", "forms", "admin", "filters")


def _our_apps() -> list[str]:
    return [
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == BASE_DIR and config.name != "roseraie_portal"
    ]


def _contract(contract_type: str, app: str) -> dict | None:
    for contract in CONTRACTS["contracts"]:
        if contract["type"] == contract_type and contract.get("allowed_importers") == [app]:
            return contract
    return None


def test_every_app_is_a_root_package_and_sits_in_a_layer():
    layers = next(c for c in CONTRACTS["contracts"] if c["type"] == "layers")["layers"]
    layered = {name.strip() for layer in layers for name in layer.split("|")}

    for app in [*_our_apps(), "roseraie_portal"]:
        assert app in CONTRACTS["root_packages"], f"add {app} to root_packages"
        assert app in layered, f"put {app} in a layer of the layers contract"


def test_every_views_forms_admin_and_filters_module_is_protected():
    for app in _our_apps():
        present = [
            f"{app}.{name}"
            for name in PRIVATE_MODULES
            if (BASE_DIR / app / f"{name}.py").exists() or (BASE_DIR / app / name).is_dir()
        ]
        if not present:
            continue
        contract = _contract("protected", app)
        assert contract is not None, f"add a protected contract for {app}"
        assert set(present) <= set(contract["protected_modules"]), (
            f"protect {sorted(set(present) - set(contract['protected_modules']))}"
        )
