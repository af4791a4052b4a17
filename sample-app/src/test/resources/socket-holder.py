# A stand-in for a systemd socket unit: holds a listening TCP socket and starts the
# command with it as descriptor 3 (LISTEN_FDS=1, LISTEN_PID), and starts it again each
# time it exits, until the file named by the third argument exists.
import os
import socket
import sys

host, port, stop, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind((host, port))
listener.listen(1024)
print('LISTENING', flush=True)
starts = 0
while not os.path.exists(stop):
    pid = os.fork()
    if pid == 0:
        os.dup2(listener.fileno(), 3)
        os.set_inheritable(3, True)
        os.environ['LISTEN_FDS'] = '1'
        os.environ['LISTEN_PID'] = str(os.getpid())
        os.execvp(command[0], command)
    starts += 1
    print('STARTED', starts, pid, flush=True)
    os.waitpid(pid, 0)
