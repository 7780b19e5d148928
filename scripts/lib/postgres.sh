# Throwaway PostgreSQL clusters for tests and demos; source it, do not run it.
# shellcheck shell=bash
#
#   source scripts/lib/postgres.sh
#   trap pg_throwaway_stop EXIT
#   pg_throwaway_start [DATABASE]      # exports PGHOST PGPORT PGUSER PGDATABASE
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 only (plus a Unix socket
# inside that directory), runs with fsync off, and is deleted by pg_throwaway_stop.
# pg_throwaway_stop stops only a cluster this shell process started: a nested script that finds
# PG_THROWAWAY_DIR already set reuses that cluster and leaves it running when it exits.
# Authentication: the superuser `postgres` is trusted; other roles must give their password
# (scram-sha-256), so tests can prove that a wrong password is refused.

PG_THROWAWAY_DIR="${PG_THROWAWAY_DIR:-}"
# The directory of the cluster this process started, set only by pg_throwaway_start and never
# exported, so a child script cannot inherit (and stop) a cluster it did not start.
_PG_THROWAWAY_OWNED_DIR=""
export -n _PG_THROWAWAY_OWNED_DIR

_pg_log() {
    printf '%s: %s\n' "postgres" "$*" >&2
}

# pg_find_bin — prints the newest /usr/lib/postgresql/*/bin holding initdb (or $PG_BIN).
pg_find_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        echo "$PG_BIN"
        return
    fi
    local candidate found=""
    for candidate in /usr/lib/postgresql/*/bin; do
        [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]] && found="$candidate"
    done
    # The glob sorts lexically; the major versions we meet (13…17) sort the same numerically.
    [[ -n "$found" ]] || { _pg_log "no initdb under /usr/lib/postgresql/*/bin; run scripts/setup"; return 1; }
    echo "$found"
}

# pg_free_port — prints a TCP port on 127.0.0.1 that nothing listens on right now.
pg_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    for ((port = 55432 + RANDOM % 2000; port < 65000; port++)); do
        # A refused connection means the port is free.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    return 1
}

# _pg_as_owner COMMAND… — runs a server command as the data directory's owner.
# initdb and pg_ctl refuse to run as root, so root hands them to the `postgres` user; the
# working directory moves into the cluster's folder, which that user can enter.
_pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$PG_THROWAWAY_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_THROWAWAY_DIR" && "$@")
    fi
}

# pg_throwaway_start [DATABASE] — starts a fresh cluster and creates DATABASE (default singer_test).
pg_throwaway_start() {
    local database="${1:-singer_test}"
    if [[ -n "$PG_THROWAWAY_DIR" && -d "$PG_THROWAWAY_DIR" ]]; then
        _pg_log "a throwaway cluster is already running in $PG_THROWAWAY_DIR"
        return 0
    fi
    local bin
    bin="$(pg_find_bin)" || return 1
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        _pg_log "running as root but there is no 'postgres' user to own the cluster (install postgresql)"
        return 1
    fi

    # Root hands the cluster to `postgres`, which must reach the directory: $TMPDIR may be
    # private to root, /tmp is not. /tmp also keeps the socket path far below its 107-byte limit.
    local parent="${TMPDIR:-/tmp}"
    if [[ $(id -u) -eq 0 || ${#parent} -gt 40 ]]; then parent=/tmp; fi
    PG_THROWAWAY_DIR="$(mktemp -d "$parent/pg-throwaway.XXXXXX")"
    _PG_THROWAWAY_OWNED_DIR="$PG_THROWAWAY_DIR"
    export PG_THROWAWAY_DIR
    mkdir -p "$PG_THROWAWAY_DIR/s"
    if [[ $(id -u) -eq 0 ]]; then
        chown -R postgres: "$PG_THROWAWAY_DIR"
    fi

    _pg_log "initdb in $PG_THROWAWAY_DIR ($bin)"
    _pg_as_owner "$bin/initdb" --pgdata="$PG_THROWAWAY_DIR/data" --username=postgres \
        --auth=trust --encoding=UTF8 --no-locale --no-sync >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 || {
        cat "$PG_THROWAWAY_DIR/initdb.log" >&2
        pg_throwaway_stop
        return 1
    }

    # First match wins: postgres is trusted, every other role needs its password.
    cat >"$PG_THROWAWAY_DIR/data/pg_hba.conf" <<'HBA'
local   all   all                    trust
host    all   postgres   127.0.0.1/32   trust
host    all   all        127.0.0.1/32   scram-sha-256
HBA

    local attempt port
    for attempt in 1 2 3; do
        port="$(pg_free_port)" || { _pg_log "found no free port"; return 1; }
        cat >"$PG_THROWAWAY_DIR/data/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_THROWAWAY_DIR/s'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
        if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_THROWAWAY_DIR/data/postgresql.auto.conf" "$PG_THROWAWAY_DIR/data/pg_hba.conf"; fi
        if _pg_as_owner "$bin/pg_ctl" --pgdata="$PG_THROWAWAY_DIR/data" --log="$PG_THROWAWAY_DIR/server.log" \
            --wait --timeout=60 --silent start >/dev/null; then
            break
        fi
        # Most likely someone took the port between our probe and the bind: try another.
        _pg_log "start on port $port failed (attempt $attempt):"
        tail -n 5 "$PG_THROWAWAY_DIR/server.log" >&2 || true
        port=""
    done
    [[ -n "$port" ]] || { pg_throwaway_stop; return 1; }

    # pg_ctl --wait returned once the server accepts connections; one check from the same
    # installation (pg_isready is not always on PATH) catches a server that died right after.
    "$bin/pg_isready" --quiet --host=127.0.0.1 --port="$port" --username=postgres || {
        _pg_log "server on port $port did not become ready"
        pg_throwaway_stop
        return 1
    }

    "$bin/createdb" --host=127.0.0.1 --port="$port" --username=postgres "$database" || {
        pg_throwaway_stop
        return 1
    }

    export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres PGDATABASE="$database"
    # A password or service from the caller's environment would not match this cluster.
    unset PGPASSWORD PGSERVICE PGHOSTADDR
    _pg_log "ready: postgresql://postgres@127.0.0.1:$port/$database (data in $PG_THROWAWAY_DIR)"
}

# pg_throwaway_stop — stops the cluster this process started and deletes its directory; safe
# to call twice, and a no-op in a process that only reused a running cluster.
pg_throwaway_stop() {
    local dir="$_PG_THROWAWAY_OWNED_DIR"
    [[ -n "$dir" ]] || return 0
    _PG_THROWAWAY_OWNED_DIR=""
    PG_THROWAWAY_DIR=""
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        local bin
        if bin="$(pg_find_bin)"; then
            PG_THROWAWAY_DIR="$dir" _pg_as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --silent stop >/dev/null 2>&1 ||
                _pg_log "pg_ctl stop failed; removing $dir anyway"
        fi
    fi
    rm -rf -- "$dir"
    _pg_log "stopped and removed $dir"
}
