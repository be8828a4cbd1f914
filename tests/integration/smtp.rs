//! A real SMTP server on 127.0.0.1 for the tests: the `mailin` crate speaks the protocol, this
//! file only accepts connections and keeps what arrives.

use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mailin::{Action, Handler, Response, SessionBuilder};

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone)]
struct Collector {
    inbox: Arc<Mutex<Vec<Received>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = Received {
            to: self.to.clone(),
            data: String::from_utf8_lossy(&self.data).into_owned(),
        };
        self.inbox.lock().unwrap().push(message);
        mailin::response::OK
    }
}

pub struct SmtpServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl SmtpServer {
    /// Starts listening on an ephemeral loopback port; the thread ends with the test process.
    pub fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let shared = inbox.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let inbox = shared.clone();
                std::thread::spawn(move || serve(stream, inbox));
            }
        });
        SmtpServer { port, inbox }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits until `n` messages have arrived (the client returns after the server's reply, so this
    /// is immediate in practice).
    pub fn wait_for(&self, n: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let msgs = self.messages();
            if msgs.len() >= n || Instant::now() > deadline {
                return msgs;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn serve(stream: TcpStream, inbox: Arc<Mutex<Vec<Received>>>) {
    let ip: IpAddr = stream
        .peer_addr()
        .map(|a| a.ip())
        .unwrap_or([127, 0, 0, 1].into());
    let handler = Collector {
        inbox,
        to: Vec::new(),
        data: Vec::new(),
    };
    let mut session = SessionBuilder::new("test-smtp").build(ip, handler);
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    if session.greeting().write_to(&mut writer).is_err() {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let response = session.process(&line);
        match response.action {
            Action::NoReply => continue,
            Action::Reply | Action::UpgradeTls => {
                if response
                    .write_to(&mut writer)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    return;
                }
            }
            Action::Close => {
                let _ = response.write_to(&mut writer);
                return;
            }
        }
    }
}
