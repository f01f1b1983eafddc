#!/usr/bin/env bash
# The project's tests: installs what some tests need when it is missing (a headless browser
# for tests/audit_render.rs, GNU time for the memory checks of tests/bad_input.rs, the
# pre-commit tool for tests/precommit.rs), then runs `cargo test --locked` with this
# script's arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

find_browser() {
    if [[ -n "${BRIEFLINT_CHROMIUM:-}" ]]; then
        command -v "$BRIEFLINT_CHROMIUM" >/dev/null 2>&1 && return 0
        echo "scripts/test.sh: BRIEFLINT_CHROMIUM=$BRIEFLINT_CHROMIUM is not an executable" >&2
        exit 1
    fi
    local name
    for name in chromium chromium-browser google-chrome; do
        command -v "$name" >/dev/null 2>&1 && return 0
    done
    return 1
}

packages=()
# fonts-dejavu-core: without recommends, Chromium brings no font to draw text with.
find_browser || packages+=(chromium fonts-dejavu-core)
[[ -x /usr/bin/time ]] || packages+=(time)

if [[ ${#packages[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "scripts/test.sh: ${packages[*]} missing, and not root, without sudo to install them." >&2
        echo "Install them (apt-get install ${packages[*]}); BRIEFLINT_CHROMIUM may name a Chromium binary." >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "scripts/test.sh: ${packages[*]} missing, and no apt-get to install them." >&2
        echo "Install them; BRIEFLINT_CHROMIUM may name a Chromium or Chrome binary." >&2
        exit 1
    fi
    echo "scripts/test.sh: installing ${packages[*]} for the tests" >&2
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
    find_browser || { echo "scripts/test.sh: Chromium installed but not found on PATH" >&2; exit 1; }
fi

if ! command -v pre-commit >/dev/null 2>&1; then
    echo "scripts/test.sh: installing pre-commit (PyPI) for tests/precommit.rs" >&2
    python3 -m pip install --quiet --user pre-commit 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages --user pre-commit
    export PATH="$(python3 -m site --user-base)/bin:$PATH"
    command -v pre-commit >/dev/null 2>&1 || { echo "scripts/test.sh: pre-commit not found after installing it" >&2; exit 1; }
fi

cargo test --locked "$@"
