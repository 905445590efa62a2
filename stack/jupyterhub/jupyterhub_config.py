"""Demo JupyterHub for hubwatch, started by stack/components/hub.sh on every supported version
(JH_VERSION: Debian's 3.0, or 4.x/5.x/6.x from a virtualenv; docs/jupyterhub-versions.md).

Every setting that a test or a demo may want to change comes from the environment
(JH_*, documented in docs/hub-and-simulator.md); the defaults make failures fast
(start/http timeouts of 10/15 s) and make a class-sized wave hit the spawn throttle.
Settings that only some versions know are set only on those, so no version logs a warning
about configuration it does not recognise.
"""

import os
import sys


def env_int(name, default):
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        sys.exit(f"jupyterhub_config: {name}={raw!r} is not an integer")


def env_switch(name, default):
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    if raw not in ("0", "1"):
        sys.exit(f"jupyterhub_config: {name}={raw!r} must be 0 or 1")
    return raw == "1"


def read_token(path):
    with open(path, encoding="ascii") as f:
        token = f.read().strip()
    if not token:
        sys.exit(f"jupyterhub_config: {path} is empty (run the hub component's prepare)")
    return token


HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fault_spawner import FaultSpawner  # noqa: E402
from jupyterhub import __version__ as JUPYTERHUB_VERSION  # noqa: E402
from jupyterhub.app import JupyterHub  # noqa: E402
from jupyterhub.spawner import SimpleLocalProcessSpawner  # noqa: E402

STATE_DIR = os.environ["JH_STATE_DIR"]     # sqlite db, cookie secret, pid files
HOMES_DIR = os.environ["JH_HOMES_DIR"]     # one home per user: {JH_HOMES_DIR}/{username}
ETC_DIR = os.environ["JH_ETC_DIR"]         # service tokens (mode 600)

c = get_config()  # noqa: F821 (injected by traitlets when the file is loaded)

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = env_int("JH_PORT", 8000)          # public side, served by configurable-http-proxy
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = env_int("JH_HUB_PORT", 8081)  # the hub itself (health is polled here)
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env_int('JH_PROXY_API_PORT', 8001)}"
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE_DIR, "proxy.pid")
if os.environ.get("JH_PROXY_CMD"):
    # the pinned proxy from npm under the data dir (PyPI versions); Debian's 3.0 finds its own on PATH
    c.ConfigurableHTTPProxy.command = [os.environ["JH_PROXY_CMD"]]
c.JupyterHub.pid_file = os.path.join(STATE_DIR, "jupyterhub.pid")
# One database per version: a newer hub upgrades the schema and an older one refuses it afterwards.
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE_DIR, f"jupyterhub-{JUPYTERHUB_VERSION}.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE_DIR, "jupyterhub_cookie_secret")
# JH_CLEANUP_SERVERS=0: the servers outlive the hub's stop, and its next start resumes them (or finds
# them dead): how a hub is upgraded without stopping a class, and the crash cases only it shows.
CLEANUP_SERVERS = env_switch("JH_CLEANUP_SERVERS", True)
c.JupyterHub.cleanup_servers = CLEANUP_SERVERS
# JH_NAMED_SERVERS=1: users may run named servers beside the default one (/hub/api/users/NAME/servers/SNAME).
c.JupyterHub.allow_named_servers = env_switch("JH_NAMED_SERVERS", False)
c.JupyterHub.log_level = os.environ.get("JH_LOG_LEVEL", "INFO")

c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.DummyAuthenticator.password = os.environ.get("JH_PASSWORD", "hubwatch-demo")
c.Authenticator.admin_users = {"admin"}

# Two services, least privilege each: the collector only reads; the classroom simulator
# creates users, starts/stops servers and reads server state (the pid it kills for a crash).
c.JupyterHub.services = [
    {"name": "hubwatch-collector", "api_token": read_token(os.path.join(ETC_DIR, "jupyterhub_api_token"))},
    {"name": "hubwatch-simulator", "api_token": read_token(os.path.join(ETC_DIR, "jupyterhub_simulator_token"))},
]
c.JupyterHub.load_roles = [
    {
        "name": "hubwatch-collector",
        "scopes": ["read:metrics", "read:hub", "list:users", "read:users", "read:servers"],
        "services": ["hubwatch-collector"],
    },
    {
        "name": "hubwatch-simulator",
        "scopes": ["admin:users", "list:users", "admin:servers", "read:hub"],
        "services": ["hubwatch-simulator"],
    },
]

c.JupyterHub.spawner_class = FaultSpawner if os.environ.get("JH_FAULTS", "1") == "1" else SimpleLocalProcessSpawner
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(HOMES_DIR, "{username}")
# The single-user server of the hub's own installation (Debian's, or the virtualenv's).
c.Spawner.cmd = [os.environ.get("JH_SINGLEUSER_CMD") or "/usr/bin/jupyterhub-singleuser"]
c.Spawner.args = ["--allow-root"]           # notebook 6.4 / jupyter_server refuse to run as root otherwise
c.Spawner.default_url = "/tree"
c.Spawner.start_timeout = env_int("JH_START_TIMEOUT", 10)
c.Spawner.http_timeout = env_int("JH_HTTP_TIMEOUT", 15)
c.Spawner.poll_interval = env_int("JH_POLL_INTERVAL", 5)
# Keep notebook servers in the hub's process group (JupyterHub starts each in a new session): the
# stack stops a component by its process group, so a hub that had to be SIGKILLed leaves no orphans.
# Servers meant to outlive the hub (JH_CLEANUP_SERVERS=0) get a session of their own, out of that kill's reach.
c.Spawner.popen_kwargs = {"start_new_session": not CLEANUP_SERVERS}
# A single-user server gets the hub's environment minus secrets; pyenv's python must not leak in.
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL"]
c.JupyterHub.concurrent_spawn_limit = env_int("JH_SPAWN_LIMIT", 3)
c.JupyterHub.active_server_limit = env_int("JH_ACTIVE_LIMIT", 6)
# Demo hub: many failing spawns in a row are the point, not a reason to exit (default limit 0 = off anyway).
c.Spawner.consecutive_failure_limit = 0
# How long a spawn request waits before answering 202. Kept apart from start_timeout (10 s) so a
# hanging start() always answers 202 and never races its own timeout into a 500; a process that
# exited by then answers 500 "Spawner failed to start [status=N]".
c.JupyterHub.tornado_settings = {"slow_spawn_timeout": env_int("JH_SLOW_SPAWN_TIMEOUT", 5)}

# The hub's own statsd client (python3-statsd) is off by default: its keys (jupyterhub.login.success ...)
# would land inside the collector's jupyterhub.<hub>.* namespace. Give it another prefix if wanted.
# (JupyterHub 6 no longer has a statsd client: the setting is ignored there.)
if os.environ.get("JH_STATSD_PREFIX") and JupyterHub.class_traits().get("statsd_host") is not None:
    c.JupyterHub.statsd_host = "127.0.0.1"
    c.JupyterHub.statsd_port = 8125
    c.JupyterHub.statsd_prefix = os.environ["JH_STATSD_PREFIX"]
