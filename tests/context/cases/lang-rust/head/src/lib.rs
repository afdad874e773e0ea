use std::env;
use std::process::Command;

pub struct Config {
    pub path: String,
}

impl Config {
    pub fn new(path: &str) -> Self {
        Config { path: path.to_string() }
    }

    pub fn from_env() -> Self {
        Config { path: env::var("CONFIG_PATH").unwrap_or_default() }
    }
}

pub fn run(cmd: &str) {
    Command::new(cmd).status().unwrap();
}
