// An SMTP server for the browser journeys, on loopback: it accepts every message and keeps it in
// memory, and answers `GET /messages` on a second port with them as JSON, so a journey can follow
// the link a message carries (a password reset) the way a member would. No dependencies.
// Usage: node smtp-sink.mjs SMTP_PORT HTTP_PORT
import http from "node:http";
import net from "node:net";

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const messages = [];

net
  .createServer((socket) => {
    socket.setEncoding("utf8");
    let pending = "";
    let data = null; // the lines of the message while in DATA
    let to = [];
    const reply = (line) => socket.write(`${line}\r\n`);
    reply("220 e2e-sink ESMTP");
    socket.on("data", (chunk) => {
      pending += chunk;
      let end;
      while ((end = pending.indexOf("\r\n")) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (data !== null) {
          if (line === ".") {
            messages.push({ to, text: data.join("\r\n") });
            data = null;
            to = [];
            reply("250 OK queued");
          } else {
            // Undo SMTP's dot-stuffing.
            data.push(line.startsWith("..") ? line.slice(1) : line);
          }
          continue;
        }
        const command = line.toUpperCase();
        if (command.startsWith("EHLO")) socket.write("250-e2e-sink\r\n250 8BITMIME\r\n");
        else if (command.startsWith("RCPT TO:")) {
          to.push(line.slice(8).trim().replace(/^<|>$/g, ""));
          reply("250 OK");
        } else if (command === "DATA") {
          data = [];
          reply("354 End with <CR><LF>.<CR><LF>");
        } else if (command.startsWith("QUIT")) {
          reply("221 Bye");
          socket.end();
        } else if (/^(HELO|MAIL FROM:|RSET|NOOP)/.test(command)) reply("250 OK");
        else reply("502 Not implemented");
      }
    });
    socket.on("error", () => {});
  })
  .listen(smtpPort, "127.0.0.1");

http
  .createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(messages));
  })
  .listen(httpPort, "127.0.0.1");
