//! The crates package: `cargo package` of the generator, the derives, the runtime and the models builds
//! each from its packaged sources (the models from the local registry cargo makes of the
//! others), and the models' package carries its spec. Each product is a cargo feature:
//! the models crate's `product_features` test, built with only Freshchat, reads a Freshdesk
//! payload as unknown.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common;

/// This test build's own: the packages' dependencies are the ones it compiled.
fn target() -> PathBuf {
    common::own_target()
}

/// Runs `cargo <command> --offline --locked <args>` in the workspace.
fn cargo(command: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args([command, "--offline", "--locked"])
        .args(common::PROFILE)
        .args(args)
        .current_dir(common::root())
        .env("CARGO_TARGET_DIR", target())
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

/// Removes what cargo kept of an earlier packaging of this workspace's crates: it takes a
/// registry crate of the same version as unchanged, both its sources (extracted once into
/// `$CARGO_HOME/registry/src/-<hash>/`, the local registries' folders) and its build, and
/// the packaged files carry one fixed time. Only those builds are forgotten: the ones whose
/// sources (listed in their dep-info) are in a packaged crate's folder, `<name>-0.1.0/`,
/// which this workspace's own crates never are.
fn forget_our_builds() {
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    if let Some(Ok(registries)) = home.map(|h| std::fs::read_dir(h.join("registry/src"))) {
        for registry in registries.flatten().filter(|r| r.file_name().to_string_lossy().starts_with('-')) {
            for name in PACKAGES {
                let _ = std::fs::remove_dir_all(registry.path().join(format!("{name}-0.1.0")));
            }
        }
    }
    let debug = target().join("debug");
    let mut dep_infos: Vec<PathBuf> = Vec::new();
    let mut add = |dir: PathBuf| {
        if let Ok(entries) = std::fs::read_dir(dir) {
            dep_infos.extend(entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "d")));
        }
    };
    add(debug.join("deps"));
    for build in std::fs::read_dir(debug.join("build")).into_iter().flatten().flatten() {
        add(build.path());
    }
    let packaged = |text: &str| PACKAGES.iter().any(|name| text.contains(&format!("/{name}-0.1.0/")));
    let Ok(fingerprints) = std::fs::read_dir(debug.join(".fingerprint")) else { return };
    let fingerprints: Vec<PathBuf> = fingerprints.flatten().map(|e| e.path()).collect();
    for info in dep_infos {
        if !std::fs::read_to_string(&info).is_ok_and(|t| packaged(&t)) {
            continue;
        }
        // `<crate>-<hash>.d`: the unit's fingerprint is `<package>-<hash>`.
        let stem = info.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let Some((_, hash)) = stem.rsplit_once('-') else { continue };
        for f in fingerprints.iter().filter(|f| f.file_name().is_some_and(|n| n.to_string_lossy().ends_with(&format!("-{hash}")))) {
            let _ = std::fs::remove_dir_all(f);
        }
    }
}

/// The packages, by name.
const PACKAGES: [&str; 4] = ["freshworks-events-codegen", "freshworks-events-derive", "freshworks-events-runtime", "freshworks-events"];

/// Every file below `dir`, relative to it, sorted.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = common::files_in(dir).into_iter().map(|p| p.strip_prefix(dir).unwrap().to_path_buf()).collect();
    out.sort();
    out
}

#[test]
fn the_crates_package_and_build_from_their_packaged_sources() {
    // --allow-dirty: the tests run on working trees; the packaged files are what matters.
    let _turn = common::cargo_turn();
    // Verification builds the models against the other two from a local registry, and cargo
    // takes a registry crate of the same version as unchanged: a build left from older
    // sources would be reused. Forget the builds of our own crates first.
    forget_our_builds();
    let o = cargo(
        "package",
        &[
            "-p",
            "freshworks-events-codegen",
            "-p",
            "freshworks-events-derive",
            "-p",
            "freshworks-events-runtime",
            "-p",
            "freshworks-events",
            "--allow-dirty",
        ],
    );
    let log = common::text(&o.stderr);
    assert!(o.status.success(), "{log}");
    for name in PACKAGES {
        assert!(log.contains(&format!("Verifying {name} v0.1.0")), "{name} is built from its package:\n{log}");
    }
    let package = target().join("package");
    let models = package.join("freshworks-events-0.1.0");
    assert!(package.join("freshworks-events-0.1.0.crate").is_file());

    // The package carries the spec as files (cargo followed the link), the same as the
    // workspace's, and the checked-in generated code, which its build copies.
    let spec = models.join("spec");
    assert!(!std::fs::symlink_metadata(&spec).unwrap().file_type().is_symlink());
    let ours = common::root().join("spec");
    let files = files_below(&ours);
    assert!(files.iter().any(|f| f.ends_with("freshchat/onAgentActivityCreate.yaml")), "{files:?}");
    assert_eq!(files_below(&spec), files);
    for file in &files {
        let read = |p: PathBuf| std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert_eq!(read(spec.join(file)), read(ours.join(file)), "{}", file.display());
    }
    let checked_in = common::root().join("generated/out");
    let code = files_below(&checked_in);
    assert!(code.iter().any(|f| f.ends_with("mod.rs")), "{code:?}");
    assert_eq!(files_below(&models.join("out")), code);
    for file in &code {
        assert_eq!(
            std::fs::read(models.join("out").join(file)).unwrap(),
            std::fs::read(checked_in.join(file)).unwrap(),
            "{}",
            file.display()
        );
    }
    // Its verification built it without the generator: the models' part of the log names
    // none of the generator's crates.
    let (_, verifying_models) = log.split_once("Verifying freshworks-events v0.1.0").expect("verified above");
    for name in ["freshworks-events-codegen", "serde_yaml", "yaml-rust2", "prettyplease", "heck"] {
        assert!(!verifying_models.contains(&format!(" {name} v")), "{name} is compiled for the models:\n{verifying_models}");
    }
    // The build script falls back to `../spec` only when the crate has none; there is none
    // beside the package, so the verification above built from the package's own copy.
    assert!(!package.join("spec").exists());
    // Dependencies on the other crates carry versions; the runtime and the generator are
    // pinned, since the generated code and the runtime must agree.
    let manifest = std::fs::read_to_string(models.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("[dependencies.freshworks-events-runtime]\nversion = \"=0.1.0\""), "{manifest}");
    assert!(manifest.contains("[build-dependencies.codegen]\nversion = \"=0.1.0\""), "{manifest}");
    assert!(manifest.contains("generate = [\"dep:codegen\"]"), "{manifest}");
    assert!(!manifest.contains("path = \"../"), "{manifest}");
    // Each package says where it lives and what it is, for crates.io and docs.rs.
    for name in PACKAGES {
        let manifest = std::fs::read_to_string(package.join(format!("{name}-0.1.0")).join("Cargo.toml")).unwrap();
        for key in ["description = ", "license = ", "repository = ", "readme = ", "keywords = ", "categories = "] {
            assert!(manifest.lines().any(|l| l.starts_with(key)), "{name} has no {key:?}:\n{manifest}");
        }
    }
    assert!(manifest.contains("[package.metadata.docs.rs]"), "{manifest}");
}

/// The models' tests with Freshchat alone. Built with `generate`, as every build of this
/// workspace builds the models, and in this test build's own target directory: the
/// generator, the derive, the runtime and every dependency are the ones it compiled, so
/// only the models and their test binary are compiled again (`.ci/run` runs the same
/// tests on the checked-in code).
#[test]
fn a_build_with_only_freshchat_reads_freshdesk_as_unknown() {
    let _turn = common::cargo_turn();
    let o = Command::new(env!("CARGO"))
        .args(["test", "--offline", "--locked", "-p", "freshworks-events", "--no-default-features", "--features", "freshchat,generate"])
        .args(["--test", "models", "product_features", "--", "--test-threads=1"])
        .current_dir(common::root())
        .env("CARGO_TARGET_DIR", common::own_target())
        .output()
        .unwrap();
    let out = common::text(&o.stdout);
    assert!(o.status.success(), "{out}\n{}", common::text(&o.stderr));
    assert!(out.contains("test product_features::a_freshdesk_payload_reads_as_freshdesk_only_with_its_feature ... ok"), "{out}");
    assert!(out.contains("test result: ok. 2 passed"), "{out}");
}
