#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = useradm::session::parse(data, std::path::Path::new("fuzz.json"));
});
