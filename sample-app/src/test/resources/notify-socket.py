# A stand-in for systemd's notification socket: receives sd_notify datagrams on a
# Unix datagram socket (an abstract name when it starts with @) and appends each to
# a file, its lines joined with '|'.
import os
import socket
import sys

address, log = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind('\0' + address[1:] if address.startswith('@') else address)
with open(log, 'a', buffering=1) as out:
    out.write('LISTENING\n')
    while True:
        out.write(sock.recv(65536).decode().replace('\n', '|') + '\n')
