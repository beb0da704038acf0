/**
 * The command line: {@code java -jar arrow-ownership-<version>-cli.jar check --library libfoo.so
 * --producer make_batch ...} binds a native library's entry points of {@code arrow_ownership_kit.h}
 * ({@link dev.arrowownership.nativecode.NativeTarget}), runs the kit's check for each role in a
 * child JVM (a target that crashes is reported, not fatal to the command), prints the verdict
 * tables, writes Markdown and JUnit XML reports, and exits 0 when every required rule holds, 1 when
 * one does not, 2 on an error. Guide: {@code docs/kit.md}.
 */
package dev.arrowownership.cli;
