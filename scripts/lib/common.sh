# Shared helpers for scripts/*; source it, do not run it.
# shellcheck shell=bash

# The repository root, from this file's location, so scripts work from any directory.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT

# progress MESSAGE… — a short status line on stderr (stdout stays for real output).
progress() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

# die MESSAGE… — report and exit 1.
die() {
    progress "error: $*"
    exit 1
}

# as_root COMMAND… — run with root rights: directly when root, else through sudo if present.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*' and sudo is not installed"
    fi
}
