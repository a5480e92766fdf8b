//! `route-finder`: check a SEND Route Finder ruleset, evaluate answers, list every path,
//! draw the flow. See `route-finder help`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = send_route_finder::cli::run(&args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
