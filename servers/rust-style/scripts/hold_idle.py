# Opens N keep-alive connections, one GET /health each, then holds them idle.
# Prints "held N" when all are idle, then sleeps until killed.
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
conns = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    conns.append(s)
for s in conns:
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(4096)
print("held", len(conns), flush=True)
time.sleep(3600)
