fn main() -> std::process::ExitCode {
    useradm::app::main()
}
