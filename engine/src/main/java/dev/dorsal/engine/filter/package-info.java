/**
 * Wireshark display filters, as TShark 4.0.17 reads, checks and evaluates them, with its error
 * messages word for word.
 *
 * <p>{@link dev.dorsal.engine.filter.DisplayFilter#compile} runs the pipeline: the macro pass and
 * {@link dev.dorsal.engine.filter.lex.Lexer lexer} ({@code lex}), the
 * {@link dev.dorsal.engine.filter.parse.Parser parser} building a sealed tree of records
 * ({@code parse}), the {@link dev.dorsal.engine.filter.check.Checker type checker} resolving names
 * against the field registry and converting literals ({@code check}), and the
 * {@link dev.dorsal.engine.filter.eval.Compiler compiler} producing small evaluator objects
 * ({@code eval}, with the functions in {@code function}).
 *
 * <p>Supported: existence tests; {@code == != === !== ~= > >= < <=} and their word forms, with
 * {@code any}/{@code all}; {@code and or not && || !}; {@code contains}, {@code matches}/{@code ~}
 * (case-insensitive by default); {@code in {…}} with ranges and {@code not in}; slices
 * {@code f[i:j] [i-j] [i] [:j] [i:]} and lists; layers {@code f#n}, {@code f#[ranges]}; arithmetic
 * {@code + - * / % &} with brace grouping and unary minus; {@code len count upper lower string max
 * min abs}; every literal form of 4.0 (integers in any base, character constants, floats, strings and
 * raw strings, byte strings, MAC, IPv4/IPv6 with prefixes, absolute and relative times, true/false and
 * value-string labels); field references {@code ${f}} (never true in batch mode); {@code .field}.
 * Version 4.2+ syntax ({@code xor}, {@code @field}, {@code $field}, {@code vals()}) is rejected as
 * 4.0 rejects it.
 *
 * <p>Known differences from tshark 4.0.17: regexes run on java.util.regex behind a PCRE translation
 * layer, so branch reset {@code (?|…)}, {@code \K} and recursion are not supported and a few PCRE-only
 * errors are not raised; absolute times before 1970 compare sanely where tshark's values wrap; 64-bit
 * unsigned values above 2^63 compare as negative numbers; host names are never resolved (tshark 4.0
 * resolves none here either); the "looks like a valid capture filter" note is the CLI's to add.
 */
package dev.dorsal.engine.filter;
