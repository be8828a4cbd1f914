#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(email) = useradm::validate::parse_email(text) {
        let again = useradm::validate::parse_email(&email.canonical).expect("a canonical email parses");
        assert_eq!(again.canonical, email.canonical);
    }
    let _ = useradm::validate::parse_name("name", text);
    let _ = useradm::validate::parse_attributes(&[text.to_string()]);
    let _ = useradm::permissions::validate(text);
});
