pub struct Config {
    pub path: String,
}

impl Config {
    pub fn new(path: &str) -> Self {
        Config { path: path.to_string() }
    }
}
