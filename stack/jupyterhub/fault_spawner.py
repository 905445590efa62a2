"""A local-process spawner whose failures are chosen by the user-name prefix.

The demo hub needs spawns that fail in each of the ways the collector classifies, on
demand and for real (the hub's own code paths, log lines and HTTP answers):

    broken*  the single-user command does not exist  -> start() raises ("Unhandled error starting")
    hang*    start() never returns                   -> start_timeout ("failed to start in N seconds")
    mute*    the process runs but never answers HTTP  -> http_timeout ("never showed up")
    crash*   the process exits at once with status 3  -> "Spawner failed to start [status=3]"
                                                        at slow_spawn_timeout, then "never showed up"

Every other name gets a real notebook server (or, with JH_LIGHT_SERVERS=1, light_server.py: a
test of the hub's own waits then does not measure how fast this machine starts notebook servers).

Two knobs for the deployment tests (environment, passed through by stack/components/hub.sh):
    JH_SPAWN_DELAY_S     seconds added to every start (default 0): a deployment that slows spawns
    JH_SPAWNER_VERSION   this module's __version__, which /hub/api/info reports as the spawner's
                         version (default "1.0"): a deployment the collector can see
"""

import asyncio
import os
import sys

from jupyterhub.spawner import SimpleLocalProcessSpawner

FAULT_PREFIXES = ("broken", "hang", "mute", "crash")

__version__ = os.environ.get("JH_SPAWNER_VERSION") or "1.0"
SPAWN_DELAY_S = float(os.environ.get("JH_SPAWN_DELAY_S") or "0")
LIGHT_SERVERS = os.environ.get("JH_LIGHT_SERVERS") == "1"
LIGHT_SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "light_server.py")


class FaultSpawner(SimpleLocalProcessSpawner):
    async def start(self):
        if SPAWN_DELAY_S > 0:
            await asyncio.sleep(SPAWN_DELAY_S)
        name = self.user.name
        if name.startswith("hang"):
            # Outlive start_timeout; the hub cancels this coroutine and stops the spawner.
            await asyncio.sleep(self.start_timeout + 30)
            return ("127.0.0.1", 9)
        if name.startswith("broken"):
            self.cmd = ["/nonexistent/bin/jupyterhub-singleuser"]
        elif name.startswith("mute"):
            # exec so that the pid the hub polls and stops is the sleeping process itself
            self.cmd = ["/bin/sh", "-c", "exec sleep 3600"]
        elif name.startswith("crash"):
            self.cmd = ["/bin/sh", "-c", 'echo "hubwatch demo: simulated crash at start" >&2; exit 3']
        elif LIGHT_SERVERS:
            # the hub's own python, which can import the hub's version for the header
            self.cmd = [sys.executable, LIGHT_SERVER]
            self.args = []
        return await super().start()
