#![no_main]
use libfuzzer_sys::fuzz_target;
use useradm::import::parse::{Format, parse};

fuzz_target!(|text: &str| {
    let _ = parse(text, Format::Csv);
    let _ = parse(text, Format::Jsonl);
});
