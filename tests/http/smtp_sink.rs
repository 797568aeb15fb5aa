//! An SMTP server for the tests, on loopback: it accepts every message and keeps it, or, when
//! told to, refuses them for now (451) or for good (550). Enough of RFC 5321 for lettre.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Accept,
    RefuseForNow,
    RefuseForGood,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<String>>>,
    mode: Arc<Mutex<Mode>>,
    /// The `AUTH PLAIN` credentials each client gave, decoded (`user\0password`).
    logins: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let sink = SmtpSink {
            port,
            messages: Arc::default(),
            mode: Arc::new(Mutex::new(Mode::Accept)),
            logins: Arc::default(),
        };
        let serving = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = serving.clone();
                tokio::spawn(async move { sink.session(stream).await });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().expect("mode") = mode;
    }

    /// Every message accepted so far, as received (headers and body).
    pub fn messages(&self) -> Vec<String> {
        self.messages.lock().expect("messages").clone()
    }

    /// The credentials clients signed in with, as `user:password`.
    pub fn logins(&self) -> Vec<String> {
        self.logins.lock().expect("logins").clone()
    }

    async fn session(&self, stream: tokio::net::TcpStream) {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        let _ = write.write_all(b"220 sink.test ESMTP\r\n").await;
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let command = line.trim_end().to_ascii_uppercase();
            let mode = *self.mode.lock().expect("mode");
            let reply: &[u8] = if command.starts_with("EHLO") {
                b"250-sink.test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n"
            } else if command.starts_with("AUTH PLAIN ") {
                use base64::Engine as _;
                let encoded = line.trim_end()["AUTH PLAIN ".len()..].to_owned();
                let decoded = base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .unwrap_or_default();
                let parts: Vec<String> = decoded
                    .split(|b| *b == 0)
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .collect();
                self.logins
                    .lock()
                    .expect("logins")
                    .push(parts[1..].join(":"));
                b"235 2.7.0 Authentication successful\r\n"
            } else if command.starts_with("HELO")
                || command.starts_with("RSET")
                || command.starts_with("NOOP")
            {
                b"250 OK\r\n"
            } else if command.starts_with("MAIL FROM") {
                match mode {
                    Mode::Accept => b"250 OK\r\n",
                    Mode::RefuseForNow => b"451 4.3.0 Try again later\r\n",
                    Mode::RefuseForGood => b"550 5.1.1 Mailbox unavailable\r\n",
                }
            } else if command.starts_with("RCPT TO") {
                b"250 OK\r\n"
            } else if command == "DATA" {
                let _ = write.write_all(b"354 End with .\r\n").await;
                let mut message = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    message.push_str(&line);
                }
                self.messages.lock().expect("messages").push(message);
                b"250 OK queued\r\n"
            } else if command.starts_with("QUIT") {
                let _ = write.write_all(b"221 Bye\r\n").await;
                return;
            } else {
                b"502 Not implemented\r\n"
            };
            if write.write_all(reply).await.is_err() {
                return;
            }
        }
    }
}
