//! What more than one test file needs: the shipped council overlays, found in `www/councils/`
//! (never listed by hand, so adding a council is adding its file).

use std::path::PathBuf;

/// Every council overlay in `www/councils/`, as (name, path), in name order.
pub fn councils() -> Vec<(String, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/councils");
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("www/councils can be read")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|x| x == "json"))
        .map(|path| {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, path)
        })
        .collect();
    found.sort();
    assert!(
        !found.is_empty(),
        "no council overlays in {}",
        dir.display()
    );
    found
}
