# Starts and stops the vendor API sandboxes for scripts; source it, do not run it.
# shellcheck shell=bash

_SANDBOX_PIDS=()

# sandbox_start VENDOR VARIABLE [ARGS…] — starts `sandbox VENDOR --port 0 ARGS…` in the background,
# waits for its "listening on URL" line and stores URL in VARIABLE. Needs $bin (the build folder).
sandbox_start() {
    local vendor="$1" variable="$2"
    shift 2
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/sandbox-$vendor.XXXXXX")"
    "$bin/sandbox" "$vendor" --port 0 "$@" >"$log" 2>"$log.err" &
    _SANDBOX_PIDS+=("$!")
    local _sandbox_url="" attempt
    for attempt in $(seq 1 300); do
        _sandbox_url="$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$log" | head -1)"
        [[ -n "$_sandbox_url" ]] && break
        kill -0 "$!" 2>/dev/null || { cat "$log.err" >&2; die "the $vendor sandbox exited before listening"; }
        sleep 0.1
    done
    [[ -n "$_sandbox_url" ]] || die "the $vendor sandbox did not start within 30 s (log: $log.err)"
    printf -v "$variable" "%s" "$_sandbox_url"
    progress "$vendor sandbox on $_sandbox_url"
}

# sandbox_stop — stops every sandbox this shell started; safe to call twice.
sandbox_stop() {
    local pid
    for pid in "${_SANDBOX_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    _SANDBOX_PIDS=()
}
