//! Runs typify on the schemas in `$FWEVENTS_TYPIFY_DATA/schemas/{lenient,strict}/PRODUCT/EVENT.schema.json`,
//! exactly as `fwevents schema --out` wrote them, and writes `types.rs`: a module per reading,
//! product and event holding typify's types, and `parse`, which reads a payload with the
//! root type of one event's schema.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use typify::{TypeSpace, TypeSpaceSettings};

fn main() {
    println!("cargo:rerun-if-env-changed=FWEVENTS_TYPIFY_DATA");
    let Ok(data) = std::env::var("FWEVENTS_TYPIFY_DATA") else {
        fail("FWEVENTS_TYPIFY_DATA is not set: it names the folder tests/chain/schema_typify.rs writes (schemas/ and cases.json); run that test");
    };
    let schemas = PathBuf::from(data).join("schemas");
    // A folder: cargo looks at everything inside it.
    println!("cargo:rerun-if-changed={}", schemas.display());

    let mut code = String::new();
    let mut arms = Vec::new();
    for reading in ["lenient", "strict"] {
        writeln!(code, "pub mod {reading} {{").unwrap();
        for product in entries(&schemas.join(reading)) {
            let product_name = file_name(&product);
            writeln!(code, "pub mod {product_name} {{").unwrap();
            for file in entries(&product) {
                let Some(event) = file_name(&file).strip_suffix(".schema.json").map(str::to_string) else {
                    continue;
                };
                let (root, types) = typify(&file);
                let module = snake(&event);
                writeln!(code, "pub mod {module} {{\n{types}\n}}").unwrap();
                arms.push(format!(
                    "(\"{reading}\", \"{product_name}/{event}\") => Some(read::<{reading}::{product_name}::{module}::{root}>(json)),"
                ));
            }
            writeln!(code, "}}").unwrap();
        }
        writeln!(code, "}}").unwrap();
    }
    if arms.is_empty() {
        fail(&format!("no schemas under {}", schemas.display()));
    }
    write!(
        code,
        r#"
/// Reads `json` with the root type of `event`'s schema (`product/event`) in `reading`
/// (`lenient` or `strict`) and writes it back; `None` when there is no such schema.
pub fn parse(reading: &str, event: &str, json: &str) -> Option<Result<serde_json::Value, String>> {{
    match (reading, event) {{
        {}
        _ => None,
    }}
}}

fn read<T: serde::de::DeserializeOwned + serde::Serialize>(json: &str) -> Result<serde_json::Value, String> {{
    let typed: T = serde_json::from_str(json).map_err(|e| e.to_string())?;
    serde_json::to_value(&typed).map_err(|e| e.to_string())
}}
"#,
        arms.join("\n        ")
    )
    .unwrap();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("types.rs");
    std::fs::write(&out, code).unwrap();
}

/// typify's types for one schema file, and the name of the root type (from the schema's title).
fn typify(file: &Path) -> (String, String) {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
    let schema: schemars::schema::RootSchema =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: not a schema schemars reads: {e}", file.display())));
    let mut space = TypeSpace::new(&TypeSpaceSettings::default());
    let root = match space.add_root_schema(schema) {
        Ok(Some(root)) => root,
        Ok(None) => fail(&format!("{}: typify found no root type (the schema has no title)", file.display())),
        Err(e) => fail(&format!("{}: typify: {e}", file.display())),
    };
    let name = space.get_type(&root).unwrap_or_else(|e| fail(&format!("{}: typify: {e}", file.display()))).name();
    let tokens = space.to_stream();
    let file_ast =
        syn::parse2::<syn::File>(tokens).unwrap_or_else(|e| fail(&format!("{}: typify's output does not parse: {e}", file.display())));
    (name, prettyplease::unparse(&file_ast))
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display()))).map(|e| e.unwrap().path()).collect();
    out.sort();
    out
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// `onAgentActivityCreate` -> `on_agent_activity_create`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
