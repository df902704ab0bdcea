#!/usr/bin/env python3
"""A TCP relay in front of one xapian-tcpsrv that plays a shard server dying
in the middle of a search.

    shard_dropper.py TARGET_PORT

Listens on a free loopback port and prints it. Each connection is relayed to
127.0.0.1:TARGET_PORT message by message, so the client can open the shard,
read its metadata and statistics as usual; the first time the client sends a
query (Xapian's MSG_QUERY), the relay closes that connection and stops
listening, as a server that went away would. Runs until killed.

Xapian 1.4's remote protocol frames every message as one type byte, then the
payload's length (one byte below 255; else 0xff and the rest, 7 bits at a
time, least significant first, the last byte flagged with 0x80), then the
payload.
"""
import socket
import sys
import threading

MSG_QUERY = 8  # enum message_type in xapian-core's common/remoteprotocol.h


def frame_end(buffer):
    """The end of the first complete message in `buffer`, or None."""
    if len(buffer) < 2:
        return None
    if buffer[1] < 255:
        length, at = buffer[1], 2
    else:
        length, shift, at = 0, 0, 2
        while True:
            if at >= len(buffer):
                return None
            byte = buffer[at]
            at += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte & 0x80:
                break
        length += 255
    end = at + length
    return end if len(buffer) >= end else None


def hang_up(*sockets):
    for s in sockets:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def relay_replies(server, client):
    try:
        while True:
            data = server.recv(65536)
            if not data:
                break
            client.sendall(data)
    except OSError:
        pass
    finally:
        hang_up(client, server)


def relay_requests(client, server, on_query):
    buffer = bytearray()
    try:
        while True:
            data = client.recv(65536)
            if not data:
                break
            buffer += data
            while True:
                end = frame_end(buffer)
                if end is None:
                    break
                if buffer[0] == MSG_QUERY:
                    on_query()
                    return
                server.sendall(bytes(buffer[:end]))
                del buffer[:end]
    except OSError:
        pass
    finally:
        hang_up(client, server)
        client.close()
        server.close()


def main():
    target = int(sys.argv[1])
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    print(listener.getsockname()[1], flush=True)
    died = threading.Event()

    def die():
        died.set()
        hang_up(listener)
        listener.close()

    while not died.is_set():
        try:
            client, _ = listener.accept()
        except OSError:
            break
        server = socket.create_connection(("127.0.0.1", target))
        threading.Thread(target=relay_replies, args=(server, client), daemon=True).start()
        threading.Thread(target=relay_requests, args=(client, server, die), daemon=True).start()
    died.wait()
    threading.Event().wait()  # stay up, refusing connections, until the test kills us


if __name__ == "__main__":
    main()
