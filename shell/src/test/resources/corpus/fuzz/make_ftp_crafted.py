#!/usr/bin/env python3
"""Writes ftp_crafted.pcap: hand-made FTP sessions with the data connections they announce, for
comparing Dorsal's FTP and FTP-DATA dissectors with tshark 4.0.17 (make_oracle.sh). Deterministic.

  1  a whole session: multi-line banner, login, PWD/CWD/CDUP (the working directory), PASV + LIST
     (a text listing on the data connection), EPSV + RETR (binary data), PORT + STOR (the server
     connects from port 20), EPRT for IPv4 and IPv6, malformed EPRT/EPSV arguments, an invalid PWD
     reply, odd lines (no terminator, lower case, several lines per segment, bare LF, NUL, UTF-8)
  2  a PASV reply naming another address (NAT) and one without numbers; a segment cut by the snapshot length
  3  FTP over IPv6 with EPSV and EPRT
  4  a relative CWD from an empty directory, then AUTH TLS accepted: the rest is TLS
usage: make_ftp_crafted.py (writes beside itself)
"""
import os

from textproto_pcap import Conn, Pcap

HERE = os.path.dirname(os.path.abspath(__file__))


def session(p):
    c = Conn(p, 40001, 21)
    c.send(1, '220-Welcome to the crafted FTP server\r\n220-Second banner line\r\n   indented\r\n220 Ready.\r\n')
    c.send(0, 'USER anonymous\r\n')
    c.send(1, '331 Please specify the password.\r\n')
    c.send(0, 'PASS guest@\r\n')
    c.send(1, '230 Login successful.\r\n')
    c.send(0, 'PWD\r\n')
    c.send(1, '257 "/home/ftp" is the current directory\r\n')
    c.send(0, 'CWD pub\r\n')
    c.send(1, '250 Directory successfully changed.\r\n')
    c.send(0, 'CWD ../docs/./x\r\n')
    c.send(1, '250 Directory successfully changed.\r\n')
    c.send(0, 'CDUP\r\n')
    c.send(1, '250 Directory successfully changed.\r\n')
    c.send(0, 'TYPE I\r\n')
    c.send(1, '200 Switching to Binary mode.\r\n')
    c.send(0, 'PASV\r\n')
    c.send(1, '227 Entering Passive Mode (10,0,0,2,200,10).\r\n')
    c.send(0, 'LIST -la\r\n')
    d = Conn(p, 40002, 51210)
    c.send(1, '150 Here comes the directory listing.\r\n')
    d.send(1, 'drwxr-xr-x    2 0        0            4096 Jan 01 00:00 pub\r\n-rw-r--r--    1 0  0  12 Jan 01 00:00 a.txt\r\n')
    d.send(1, '-rw-r--r--    1 0  0  12 Jan 01 00:00 b.txt\r\n')
    d.close()
    c.send(1, '226 Directory send OK.\r\n')
    c.send(0, 'EPSV\r\n')
    c.send(1, '229 Entering Extended Passive Mode (|||51211|)\r\n')
    c.send(0, 'RETR file.bin\r\n')
    d = Conn(p, 40003, 51211)
    c.send(1, '150 Opening BINARY mode data connection for file.bin (8 bytes).\r\n')
    d.send(1, b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR')
    d.send(1, b'\x00\x01\x02\x03')
    d.close()
    c.send(1, '226 Transfer complete.\r\n')
    c.send(0, 'PORT 10,0,0,1,156,90\r\n')
    c.send(1, '200 PORT command successful. Consider using PASV.\r\n')
    c.send(0, 'STOR up.txt\r\n')
    c.send(1, '150 Ok to send data.\r\n')
    d = Conn(p, 20, 40001 + 25, hosts=(1, 0))
    d.send(1, 'hello world\r\nsecond line\r\n')
    d.close()
    c.send(1, '226 Transfer complete.\r\n')
    c.send(0, 'EPRT |1|10.0.0.1|40100|\r\n')
    c.send(1, '200 EPRT command successful.\r\n')
    c.send(0, 'NLST\r\n')
    c.send(1, '150 Here comes the listing.\r\n')
    d = Conn(p, 20, 40100, hosts=(1, 0))
    d.send(0, 'a.txt\r\nb.txt\r\n')
    d.close()
    c.send(1, '226 Transfer complete.\r\n')
    c.send(0, 'EPRT |2|::1|5282|\r\n')
    c.send(1, '522 Network protocol not supported, use (1)\r\n')
    c.send(0, 'EPRT |1|10.0.0.1|\r\n')
    c.send(1, '500 Illegal EPRT command.\r\n')
    c.send(0, 'EPRT x1x10.0.0.999x7x\r\n')
    c.send(0, 'EPSV ALL\r\n')
    c.send(1, '229 Entering Extended Passive Mode (no port here)\r\n')
    c.send(1, '229 Entering Extended Passive Mode (|||99999|)\r\n')
    c.send(0, 'PWD\r\n')
    c.send(1, '257 no quotes here\r\n')
    c.send(1, '257 "unterminated\r\n')
    c.send(1, '257 "with ""quotes"" inside" created\r\n')
    c.send(1, '2x0 not a code\r\n')
    c.send(1, '22\r\n')
    c.send(1, '999 Unknown code\r\n')
    c.send(1, '200\r\n')
    c.send(0, 'noop\r\n')
    c.send(0, 'NOOP')
    c.send(0, 'SITE CHMOD 644 a.txt\r\nSTAT\r\n')
    c.send(0, 'MKD \xc3\xa9t\xc3\xa9\r\n')
    c.send(0, 'RNFR a\x00b\r\n')
    c.send(0, 'LIST\n')
    c.send(0, ' leading space\r\n')
    c.send(0, '\r\n')
    c.send(1, '211-Status\r\n text\r\n\r\n211 End\r\n')
    c.send(0, 'AUTH TLS\r\n')
    c.send(1, '530 Please login with USER and PASS.\r\n')
    c.send(0, 'QUIT\r\n')
    c.send(1, '221 Goodbye.\r\n')
    c.close()


def nat(p):
    c = Conn(p, 40010, 21)
    c.send(1, '220 Hi\r\n')
    c.send(0, 'PASV\r\n')
    c.send(1, '227 Entering passive mode. 192,168,1,5,4,1\r\n')
    c.send(0, 'PASV\r\n')
    c.send(1, '227 Entering passive mode, no numbers\r\n')
    c.send(1, '227 =1,2,3,4 then 10,0,0,2,300,-1\r\n')
    c.send(0, 'RETR x\r\n')
    d = Conn(p, 40011, (300 & 255) * 256 + 255)
    d.send(1, 'text file\r\n')
    d.close()
    c.send(0, 'USER ' + 'a' * 200 + '\r\n', caplen=100)
    c.send(1, '250 ' + 'b' * 200 + '\r\n', caplen=80)


def ipv6(p):
    c = Conn(p, 40020, 21, v6=True)
    c.send(1, '220 IPv6 server\r\n')
    c.send(0, 'EPSV\r\n')
    c.send(1, '229 Entering Extended Passive Mode (|||40500|)\r\n')
    c.send(0, 'LIST\r\n')
    d = Conn(p, 40021, 40500, v6=True)
    d.send(1, 'x\r\n')
    d.close()
    c.send(0, 'EPRT |2|::1|40600|\r\n')
    c.send(1, '200 EPRT ok\r\n')
    c.send(0, 'MLSD\r\n')
    d = Conn(p, 20, 40600, v6=True, hosts=(1, 0))
    d.send(0, b'\x00\x01binary')
    d.close()


def auth_tls(p):
    c = Conn(p, 40030, 21)
    c.send(1, '220 Hi\r\n')
    c.send(0, 'CWD a/../b\r\n')
    c.send(1, '250 ok\r\n')
    c.send(0, 'AUTH TLS\r\n')
    c.send(1, '234 Proceed with negotiation.\r\n')
    c.send(0, bytes.fromhex('16030100310100002d0303') + bytes(32) + bytes.fromhex('000002002f0100'))


def main():
    p = Pcap()
    session(p)
    nat(p)
    ipv6(p)
    auth_tls(p)
    p.write(os.path.join(HERE, 'ftp_crafted.pcap'))


if __name__ == '__main__':
    main()
