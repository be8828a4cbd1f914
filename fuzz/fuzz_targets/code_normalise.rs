#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(code) = useradm::codes::normalise(text) {
        assert_eq!(useradm::codes::normalise(&useradm::codes::display(&code)).as_deref(), Some(code.as_str()));
    }
});
