package dlcourse.grader.skeleton;

import dlcourse.grader.skeleton.JavaLexer.Kind;
import dlcourse.grader.skeleton.JavaLexer.Token;
import dlcourse.grader.skeleton.SourceLines.Line;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the answer regions of one solution file and the method each sits in, and rejects every layout whose
 * skeleton would not compile or would lose code.
 *
 * <p>It follows the braces of the file and classifies each block from the tokens before its opening brace (read
 * by {@link Declarations}): a type body, a named method or constructor body, a nameless body (initializer, field
 * initializer), an array initializer, or a statement block. That is all the structure the generator needs; it
 * does not parse expressions. Lines are 0-based here and 1-based in messages.
 */
final class RegionScanner {

    /** A marker exactly as it must be written (after the indentation). */
    private static final Pattern MARKER = Pattern.compile("//\\s*(BEGIN|END) SOLUTION\\s*");
    /** Anything that looks like an attempt at a marker, so a typo fails loudly instead of leaking an answer. */
    private static final Pattern MARKER_LIKE = Pattern.compile("(?i)\\b(BEGIN|END)[ _-]?SOLUTION\\b");

    /**
     * A type declaration, enough to find its contract.
     *
     * @param name       simple name, or {@code "(anonymous)"}
     * @param interfaces the names after {@code implements}, as written (generic arguments dropped)
     * @param line       0-based line of its opening brace
     */
    record TypeInfo(String name, List<String> interfaces, int line) {
    }

    /**
     * A method or constructor that holds an answer region.
     *
     * @param name           the Java name
     * @param ownCourseName  the value of a {@code @CourseName} written on the method itself, or null
     * @param parameterCount number of parameters, or -1 if unknown (compact record constructor)
     * @param owner          the type it is declared in
     * @param line           0-based line of its opening brace
     */
    record MethodInfo(String name, String ownCourseName, int parameterCount, TypeInfo owner, int line) {
    }

    /**
     * One {@code BEGIN SOLUTION} … {@code END SOLUTION} region.
     *
     * @param begin         0-based line of the BEGIN marker
     * @param end           0-based line of the END marker
     * @param method        the method it sits in
     * @param firstInMethod whether it is the method's first region (the one that becomes the throw)
     */
    record Region(int begin, int end, MethodInfo method, boolean firstInMethod) {
    }

    private enum BlockKind { TYPE, METHOD, NAMELESS, STATEMENTS, ARRAY }

    private static final class Block {
        final BlockKind kind;
        final int line;
        TypeInfo type;
        boolean isEnum;
        boolean isRecord;
        boolean inEnumConstants;
        MethodInfo method;
        boolean hasRegion;

        Block(BlockKind kind, int line) {
            this.kind = kind;
            this.line = line;
        }
    }

    private final String file;
    private final List<Token> tokens;
    private final List<Line> lines;
    /** The non-comment tokens seen so far. */
    private final List<Token> code = new ArrayList<>();
    private final Deque<Block> stack = new ArrayDeque<>();
    private final List<Region> regions = new ArrayList<>();
    /** Index in {@link #code} where the declaration or statement before the next brace starts. */
    private int headerStart;
    private Block regionBlock;
    private int regionBegin;
    private boolean regionFirst;
    /** The method whose answer region just ended: only comments, more regions and its closing brace may follow. */
    private Block awaitingClose;
    private int lastRegionBegin;

    private RegionScanner(String file, List<Token> tokens, List<Line> lines) {
        this.file = file;
        this.tokens = tokens;
        this.lines = lines;
    }

    /**
     * The answer regions of a file, in order.
     *
     * @param file   the file name for messages
     * @param tokens its tokens
     * @param lines  its lines
     * @throws SkeletonException for a misplaced, unbalanced or malformed marker, or code after a region
     */
    static List<Region> scan(String file, List<Token> tokens, List<Line> lines) {
        return new RegionScanner(file, tokens, lines).run();
    }

    private List<Region> run() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.LINE_COMMENT) {
                marker(i, t);
                continue;
            }
            if (t.isComment()) {
                continue;
            }
            if (regionBlock == null && awaitingClose != null) {
                if (!(t.is("}") && stack.peek() == awaitingClose)) {
                    throw error(t.line(), "code after the answer region of " + describe(awaitingClose.method)
                            + " would be unreachable once the region becomes a throw: `" + lines.get(t.line())
                            .text().strip() + "`. Move it inside the markers (BEGIN SOLUTION at line "
                            + (lastRegionBegin + 1) + "), or above BEGIN SOLUTION if the student should see it.");
                }
                awaitingClose = null;
            }
            code.add(t);
            int at = code.size() - 1;
            if (t.is("{")) {
                open(at);
            } else if (t.is("}")) {
                close(at);
            } else if (t.is(";")) {
                headerStart = at + 1;
                Block top = stack.peek();
                if (top != null && top.isEnum) {
                    top.inEnumConstants = false;
                }
            }
        }
        if (regionBlock != null) {
            throw error(regionBegin, "BEGIN SOLUTION has no matching END SOLUTION: add `// END SOLUTION` where the "
                    + "answer ends, inside " + describe(regionBlock.method) + ".");
        }
        if (!stack.isEmpty()) {
            throw error(stack.peek().line, "this '{' is never closed; is the file complete?");
        }
        return List.copyOf(regions);
    }

    // ----------------------------------------------------------------------------------------------- markers

    private void marker(int index, Token t) {
        if (!MARKER_LIKE.matcher(t.text()).find()) {
            return;
        }
        if (!MARKER.matcher(t.text()).matches()) {
            throw error(t.line(), "malformed marker `" + t.text().strip() + "`: write exactly `// BEGIN SOLUTION` or "
                    + "`// END SOLUTION` on a line of its own (line comments may not otherwise mention them).");
        }
        if (index > 0 && tokens.get(index - 1).line() == t.line()) {
            throw error(t.line(), "a marker must be on a line of its own, not after code or another comment: "
                    + "move `" + t.text().strip() + "` to the next line.");
        }
        if (t.text().contains("BEGIN")) {
            begin(t.line());
        } else {
            end(t.line());
        }
    }

    private void begin(int line) {
        if (regionBlock != null) {
            throw error(line, "BEGIN SOLUTION inside the answer region opened at line " + (regionBegin + 1)
                    + ": regions cannot nest; close that one with `// END SOLUTION` first.");
        }
        Block top = stack.peek();
        if (top == null) {
            throw error(line, "BEGIN SOLUTION outside any class: markers belong inside a method body.");
        }
        switch (top.kind) {
            case TYPE -> throw error(line, "BEGIN SOLUTION outside a method body (directly in the body of "
                    + top.type.name() + "): markers belong inside a method; keep fields and other members outside "
                    + "the markers.");
            case NAMELESS -> throw noName(line, top);
            case STATEMENTS, ARRAY -> {
                Block owner = enclosingNonStatement();
                if (owner == null || owner.kind == BlockKind.NAMELESS) {
                    throw noName(line, owner == null ? top : owner);
                }
                if (owner.kind == BlockKind.TYPE) {
                    throw error(line, "BEGIN SOLUTION outside a method body (in the body of " + owner.type.name()
                            + "): markers belong inside a method.");
                }
                throw error(line, "BEGIN SOLUTION inside a nested block (opened at line " + (top.line + 1) + ") of "
                        + describe(owner.method) + ": the throw that replaces the answer must sit directly in the "
                        + "method body, or the code after the block would not compile; move the markers out so "
                        + "that they enclose the whole block.");
            }
            case METHOD -> {
                regionBlock = top;
                regionBegin = line;
                regionFirst = !top.hasRegion;
                top.hasRegion = true;
            }
            default -> throw new AssertionError(top.kind);
        }
    }

    private void end(int line) {
        if (regionBlock == null) {
            throw error(line, "END SOLUTION without a matching BEGIN SOLUTION above it: add `// BEGIN SOLUTION` "
                    + "where the answer starts, or delete this marker.");
        }
        if (stack.peek() != regionBlock) {
            throw error(line, "END SOLUTION is not at the brace depth of its BEGIN SOLUTION (line "
                    + (regionBegin + 1) + "): a '{' between them (line " + (stack.peek().line + 1)
                    + ") is not closed before END SOLUTION.");
        }
        regions.add(new Region(regionBegin, line, regionBlock.method, regionFirst));
        awaitingClose = regionBlock;
        lastRegionBegin = regionBegin;
        regionBlock = null;
    }

    private Block enclosingNonStatement() {
        for (Block b : stack) {
            if (b.kind != BlockKind.STATEMENTS && b.kind != BlockKind.ARRAY) {
                return b;
            }
        }
        return null;
    }

    private SkeletonException noName(int line, Block block) {
        return error(line, "BEGIN SOLUTION in a block with no method name (the block opened at line "
                + (block.line + 1) + " is an initializer, a field initializer or a declaration the generator does "
                + "not recognise): the throw reports the method's course name, so put the markers inside a method.");
    }

    // ----------------------------------------------------------------------------------------------- braces

    private void close(int at) {
        Token t = code.get(at);
        Block top = stack.peek();
        if (top == null) {
            throw error(t.line(), "unbalanced '}': no block is open here.");
        }
        if (top == regionBlock) {
            throw error(t.line(), "this '}' closes " + describe(top.method) + " inside the answer region opened at "
                    + "line " + (regionBegin + 1) + ": add `// END SOLUTION` before it (or balance the braces in "
                    + "the region).");
        }
        stack.pop();
        if (top.kind != BlockKind.ARRAY) {
            headerStart = at + 1;
        }
    }

    private void open(int at) {
        Token brace = code.get(at);
        Block parent = stack.peek();
        Token prev = at > 0 ? code.get(at - 1) : null;
        List<Token> header = code.subList(Math.min(headerStart, at), at);
        Block block;
        if (prev != null && (prev.is("(") || prev.is(",") || prev.is("=") || prev.is("]")
                || (prev.is("{") && parent != null && parent.kind == BlockKind.ARRAY))) {
            block = new Block(BlockKind.ARRAY, brace.line());
        } else if (prev != null && prev.is(")") && Declarations.endsAnonymousClass(code, at - 1)) {
            block = typeBlock(brace, "(anonymous)", List.of());
        } else if (parent == null) {
            block = declaredType(brace, header);
        } else if (parent.kind == BlockKind.TYPE) {
            if (parent.inEnumConstants) {
                block = typeBlock(brace, header.isEmpty() ? "(enum constant)" : header.get(0).text(), List.of());
            } else if (Declarations.declaresType(header)) {
                block = declaredType(brace, header);
            } else if (Declarations.indexAtDepthZero(header, "=") >= 0) {
                block = new Block(BlockKind.NAMELESS, brace.line());
            } else {
                block = methodOrNameless(brace, header, parent);
            }
        } else if (Declarations.declaresType(header)) {
            block = declaredType(brace, header);
        } else {
            block = new Block(BlockKind.STATEMENTS, brace.line());
        }
        stack.push(block);
        if (block.kind != BlockKind.ARRAY) {
            headerStart = at + 1;
        }
    }

    private static Block typeBlock(Token brace, String name, List<String> interfaces) {
        Block block = new Block(BlockKind.TYPE, brace.line());
        block.type = new TypeInfo(name, interfaces, brace.line());
        return block;
    }

    private static Block declaredType(Token brace, List<Token> header) {
        Declarations.TypeHeader type = Declarations.type(header);
        Block block = typeBlock(brace, type.name(), type.interfaces());
        block.isEnum = type.isEnum();
        block.inEnumConstants = type.isEnum();
        block.isRecord = type.isRecord();
        return block;
    }

    private static Block methodOrNameless(Token brace, List<Token> header, Block parent) {
        Declarations.MethodHeader method = Declarations.method(header, parent.isRecord ? parent.type.name() : null);
        if (method == null) {
            return new Block(BlockKind.NAMELESS, brace.line());
        }
        Block block = new Block(BlockKind.METHOD, brace.line());
        block.method = new MethodInfo(method.name(), method.ownCourseName(), method.parameterCount(), parent.type,
                brace.line());
        return block;
    }

    private static String describe(MethodInfo method) {
        return "method " + method.name() + " (" + method.owner().name() + ")";
    }

    private SkeletonException error(int line, String problem) {
        return new SkeletonException(file, line + 1, problem);
    }
}
