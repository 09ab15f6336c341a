//! Emits the "bare" comparison types: the spec's types as plain `#[derive(Deserialize)]`
//! structs with no validation and no unknown-field keeping. They are the floor a
//! serde-based parser can reach, and live here, not in the product.

use std::fmt::Write;
use std::path::PathBuf;

use codegen::ir::{EnumRepr, Ir, Literal, Ty, TypeKind};

fn main() {
    let spec = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("../spec");
    println!("cargo:rerun-if-changed={}", spec.display());
    let files = codegen::source::read_spec_dir(&spec).unwrap();
    let ir = codegen::compile(&files).unwrap_or_else(|d| panic!("{d}"));
    let mut out = String::new();
    for (m, module) in ir.modules.iter().enumerate() {
        let name = module.path.join("_");
        writeln!(out, "pub mod {name} {{\n#![allow(dead_code, non_camel_case_types, clippy::all)]\nuse super::*;").unwrap();
        for &id in &module.types {
            let t = ir.ty(id);
            match &t.kind {
                TypeKind::Object(fields) => {
                    writeln!(out, "#[derive(Debug, serde::Deserialize)]\npub struct {} {{", t.name).unwrap();
                    for f in fields {
                        let ident = f.ident.clone();
                        writeln!(out, "    #[serde(default, rename = {:?})] pub {ident}: Option<{}>,", f.wire, rust(&ir, m, &f.ty))
                            .unwrap();
                    }
                    writeln!(out, "}}").unwrap();
                }
                TypeKind::Enum(e) if !e.open && e.repr == EnumRepr::Str => {
                    writeln!(out, "#[derive(Debug, serde::Deserialize)]\npub enum {} {{", t.name).unwrap();
                    for v in &e.variants {
                        if let Literal::Str(s) = &v.wire {
                            writeln!(out, "    #[serde(rename = {s:?})] {},", v.ident).unwrap();
                        }
                    }
                    writeln!(out, "}}").unwrap();
                }
                TypeKind::Enum(e) => {
                    let base = if e.repr == EnumRepr::Int { "i64" } else { "String" };
                    writeln!(out, "pub type {} = {base};", t.name).unwrap();
                }
            }
        }
        writeln!(out, "}}").unwrap();
    }
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("bare.rs");
    std::fs::write(dest, out).unwrap();
}

fn rust(ir: &Ir, here: usize, ty: &Ty) -> String {
    match ty {
        Ty::String => "String".into(),
        Ty::Integer => "i64".into(),
        Ty::Number => "f64".into(),
        Ty::Boolean => "bool".into(),
        Ty::Timestamp => "BareTimestamp".into(),
        Ty::Id => "BareId".into(),
        Ty::Any | Ty::Unresolved => "serde_json::Value".into(),
        Ty::Change(_) => "(serde_json::Value, serde_json::Value)".into(),
        Ty::Array(item) => format!("Vec<{}>", rust(ir, here, item)),
        Ty::Map(value) => format!("std::collections::HashMap<String, Option<{}>>", rust(ir, here, value)),
        Ty::Named(id) => {
            let t = ir.ty(*id);
            if t.module == here {
                t.name.clone()
            } else {
                format!("super::{}::{}", ir.modules[t.module].path.join("_"), t.name)
            }
        }
    }
}
