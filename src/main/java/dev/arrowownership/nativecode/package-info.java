/**
 * Native code under the kit: {@link dev.arrowownership.nativecode.NativeTarget} binds a shared
 * library's entry points, declared by the C header {@code arrow_ownership_kit.h} shipped in this
 * package (and in {@code src/main/c/}), to the kit's roles through JNA, so a producer, consumer or
 * stream written in C, C++, Rust or Go is checked without Java code of its own.
 */
package dev.arrowownership.nativecode;
