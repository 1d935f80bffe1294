//! `evident-check`: the analyzer on the command line. (Stub: reads stdin, prints `[]`.)

use std::io::Read;

fn main() {
    let mut input = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("evident-check: cannot read stdin: {err}");
        std::process::exit(2);
    }
    println!("[]");
}
