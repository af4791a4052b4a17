# Runs a command in a shell on a real pseudo-terminal, waits for the shell to print
# LAUNCHER_EXIT, then hangs the terminal up: SIGHUP to the shell, the session leader,
# and the master side closed, as when a terminal window is closed.
import os
import pty
import signal
import sys
import time

command = sys.argv[1]
pid, master = pty.fork()
if pid == 0:
    # A terminal's shell dies of the hangup, even where this test runs with SIGHUP
    # ignored (under nohup, say), which exec would pass on.
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    os.execvp('sh', ['sh', '-c', command + '; echo LAUNCHER_EXIT=$?; exec sleep 120'])
output = b''
deadline = time.time() + 120
while b'LAUNCHER_EXIT' not in output and time.time() < deadline:
    try:
        output += os.read(master, 4096)
    except OSError:
        break
sys.stdout.write(output.decode(errors='replace'))
sys.stdout.flush()
os.kill(pid, signal.SIGHUP)
os.close(master)
os.waitpid(pid, 0)
print('HUNG_UP')
