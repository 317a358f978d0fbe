package dlcourse.grader.sandbox;

import dlcourse.course.CourseName;
import dlcourse.grader.run.Assignment;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The static half of grading untrusted code: reads every class file of a compiled submission before anything of it
 * runs, checks each reference against the {@link Policy}, and works out which graded functions can reach a refused
 * reference (through the submission's own methods, lambdas and class initialisers). Those functions score 0 with
 * the finding as the reason; the rest is graded. {@link #neutralise} then replaces the body of every offending
 * method by a throw of {@link dlcourse.grader.check.PolicyViolation}, so the refused call cannot run even on a path
 * the analysis did not foresee (a call through the contract interface made by the grader, say).
 *
 * <p>Classes outside the assignments' packages (in {@code dlcourse.core} or the grader's packages, say) are
 * rejected: they are deleted before the submission runs, and using them is a finding.
 */
public final class PolicyScan {

    /** The pseudo-method that carries findings about a class's declaration (what it extends). */
    private static final String DECLARATION = "<class>";

    /**
     * One refused reference.
     *
     * @param className the class, internal name ({@code dlcourse/logistic/Logistic})
     * @param method    the method's name ({@code <init>}, {@code <clinit>}, {@code lambda$propagate$0} included)
     * @param file      the source file, or the class's simple name when unknown
     * @param line      the source line, or 0
     * @param what      what it does and why that is refused
     */
    public record Finding(String className, String method, String file, int line, String what) {

        /** {@code Logistic.java:42 (in propagate)}. */
        public String where() {
            return file + (line > 0 ? ":" + line : "") + " (in " + methodInWords(method) + ")";
        }

        /** {@code Logistic.java:42 (in propagate): calls System.exit(int), which would end the grading JVM}. */
        public String text() {
            return where() + ": " + what;
        }

        private static String methodInWords(String method) {
            if (method.equals("<init>")) {
                return "a constructor";
            }
            if (method.equals("<clinit>")) {
                return "a static initializer";
            }
            if (method.equals(DECLARATION)) {
                return "the class declaration";
            }
            if (method.startsWith("lambda$")) {
                String[] parts = method.split("\\$");
                return parts.length > 1 ? "a lambda in " + parts[1] : method;
            }
            return method;
        }
    }

    /**
     * What the scan found.
     *
     * @param findings    every refused reference, in class and code order
     * @param misplaced   classes of the submission outside the assignments' packages (internal names)
     * @param rejected    assignment id → graded function (course name) → why it is not run
     * @param neutralised methods whose own code holds a finding: {@code owner.name+descriptor}
     * @param callers     assignment id → function → the graded functions whose code calls it, itself included
     *                    (a function that hangs takes these with it)
     */
    public record Result(List<Finding> findings, List<String> misplaced, Map<String, Map<String, String>> rejected,
                         Set<String> neutralised, Map<String, Map<String, Set<String>>> callers) {

        /** The result of not scanning: nothing found, nothing known about calls. */
        public static Result none() {
            return new Result(List.of(), List.of(), Map.of(), Set.of(), Map.of());
        }

        /** The functions that call {@code function} (itself included), as far as the scan knows. */
        public Set<String> callers(String assignment, String function) {
            return callers.getOrDefault(assignment, Map.of()).getOrDefault(function, Set.of(function));
        }

        /** Whether nothing was refused. */
        public boolean clean() {
            return findings.isEmpty() && misplaced.isEmpty();
        }

        /** The functions of one assignment that are not run, with the reasons. */
        public Map<String, String> rejected(String assignment) {
            return rejected.getOrDefault(assignment, Map.of());
        }
    }

    /**
     * An assignment as the scan sees it.
     *
     * @param id             the assignment id
     * @param implementation the graded class, internal name
     * @param functions      Java method name → course function name
     * @param extras         packages this assignment's code may use besides the standard ones (with subpackages)
     */
    public record Target(String id, String implementation, Map<String, String> functions, List<String> extras) {

        /** The package prefix of the assignment's code: {@code dlcourse/logistic/}. */
        String packagePrefix() {
            return implementation.substring(0, implementation.lastIndexOf('/') + 1);
        }

        /** The target of a registered assignment: its contract's methods with their course names. */
        public static Target of(Assignment<?> assignment) {
            Map<String, String> functions = new TreeMap<>();
            for (Method m : assignment.contract().getMethods()) {
                if (m.getDeclaringClass() == Object.class) {
                    continue;
                }
                CourseName name = m.getAnnotation(CourseName.class);
                functions.put(m.getName(), name == null ? m.getName() : name.value());
            }
            return new Target(assignment.id(), assignment.implementationClassName().replace('.', '/'),
                    functions, assignment.extraAllowedPackages());
        }
    }

    /** What one method of the submission does. */
    private static final class MethodFacts {
        final List<Finding> findings = new ArrayList<>();
        final Set<String> callees = new java.util.LinkedHashSet<>();
    }

    /** What one class of the submission declares. */
    private static final class ClassFacts {
        String name;
        String superName;
        String file;
        final Map<String, MethodFacts> methods = new LinkedHashMap<>();
    }

    private final Map<String, ClassFacts> classes = new LinkedHashMap<>();
    private final List<String> misplaced = new ArrayList<>();
    private final List<Target> targets;
    private final Collection<Target> everyAssignment;

    private PolicyScan(List<Target> targets, Collection<Target> everyAssignment) {
        this.targets = targets;
        this.everyAssignment = everyAssignment;
    }

    /**
     * Scans the class files under {@code classes}.
     *
     * @param targets         the assignments being graded
     * @param everyAssignment every assignment of the course (a submission may hold all of them): their packages
     *                        are where the submission's classes may live
     */
    public static Result scan(Path classes, List<Target> targets, Collection<Target> everyAssignment)
            throws IOException {
        PolicyScan scan = new PolicyScan(targets, everyAssignment);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            String name = new ClassReader(content).getClassName();
            if (scan.home(name) == null) {
                scan.misplaced.add(name);
            } else {
                bytes.put(name, content);
            }
        }
        for (var e : bytes.entrySet()) {
            scan.read(e.getKey(), e.getValue());
        }
        return scan.result();
    }

    /** The assignment whose package holds the class, or null when it is in none. */
    private Target home(String className) {
        for (Target t : everyAssignment) {
            if (className.startsWith(t.packagePrefix())) {
                return t;
            }
        }
        return null;
    }

    private void read(String name, byte[] content) {
        Target home = home(name);
        Policy policy = Policy.standard().plus(home.extras());
        ClassFacts facts = new ClassFacts();
        facts.name = name;
        classes.put(name, facts);
        new ClassReader(content).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String className, String signature, String superName,
                              String[] interfaces) {
                facts.superName = superName;
                facts.file = className.substring(className.lastIndexOf('/') + 1);
                facts.methods.computeIfAbsent(DECLARATION, k -> new MethodFacts());
                if (superName != null) {
                    supers.add(superName);
                }
                supers.addAll(List.of(interfaces));
            }

            private final List<String> supers = new ArrayList<>();

            @Override
            public void visitEnd() {   // after visitSource, so the finding names the file
                for (String type : supers) {
                    String why = refusal(policy, Policy.Use.TYPE, type, null, null);
                    if (why != null) {
                        facts.methods.get(DECLARATION).findings.add(new Finding(name, DECLARATION, facts.file, 0,
                                "extends or implements " + Policy.javaName(type) + ", which " + why));
                    }
                }
            }

            @Override
            public void visitSource(String source, String debug) {
                if (source != null) {
                    facts.file = source;
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                MethodFacts m = new MethodFacts();
                facts.methods.put(method + descriptor, m);
                if (method.equals("<init>")) {
                    m.callees.add(name + "." + DECLARATION);
                }
                if ((access & Opcodes.ACC_NATIVE) != 0) {
                    m.findings.add(new Finding(name, method, facts.file, 0, "declares a native method"));
                }
                return new Scanner(policy, facts, method, m);
            }
        }, ClassReader.SKIP_FRAMES);
    }

    /** Why a reference to something outside the submission is refused; also refuses the misplaced classes. */
    private String refusal(Policy policy, Policy.Use use, String owner, String name, String descriptor) {
        String type = owner.startsWith("[") ? elementType(owner) : owner;
        if (type != null && misplaced.contains(type)) {
            return "is a class of this submission outside the assignments' packages (graded code may only define"
                    + " classes in its assignment's package)";
        }
        if (type != null && classes.containsKey(type) || type != null && home(type) != null) {
            return null;
        }
        return policy.refusal(use, owner, name, descriptor);
    }

    private static String elementType(String array) {
        Type element = Type.getType(array).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    /** Reads one method's instructions. */
    private final class Scanner extends MethodVisitor {
        private final Policy policy;
        private final ClassFacts owner;
        private final String method;
        private final MethodFacts facts;
        private int line;

        Scanner(Policy policy, ClassFacts owner, String method, MethodFacts facts) {
            super(Opcodes.ASM9);
            this.policy = policy;
            this.owner = owner;
            this.method = method;
            this.facts = facts;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
        }

        private void find(String what) {
            facts.findings.add(new Finding(owner.name, method, owner.file, line, what));
        }

        private boolean student(String type) {
            return type != null && home(type) != null && !misplaced.contains(type);
        }

        private void check(Policy.Use use, String type, String name, String descriptor, String verb) {
            String why = refusal(policy, use, type, name, descriptor);
            if (why != null) {
                find(verb + " " + Policy.describe(use, type, name, descriptor) + ", which " + why);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String type, String name, String descriptor, boolean itf) {
            call(type, name, descriptor);
        }

        private void call(String type, String name, String descriptor) {
            if (student(type)) {
                facts.callees.add(type + "." + name + descriptor);
                facts.callees.add(type + ".<clinit>()V");
            } else if (type.startsWith("dlcourse/course/")) {
                facts.callees.add("*." + name + descriptor);   // a contract call reaches the student's override
                check(Policy.Use.CALL, type, name, descriptor, "calls");
            } else {
                check(Policy.Use.CALL, type, name, descriptor, name.equals("<init>") ? "creates" : "calls");
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String type, String name, String descriptor) {
            boolean write = opcode == Opcodes.PUTSTATIC || opcode == Opcodes.PUTFIELD;
            if (student(type)) {
                facts.callees.add(type + ".<clinit>()V");
                if (opcode == Opcodes.PUTSTATIC && !method.equals("<clinit>")) {
                    find("writes the static field " + Policy.javaName(type) + "." + name + ", so a result could"
                            + " depend on earlier calls (graded functions may not keep state between calls)");
                }
                return;
            }
            check(write ? Policy.Use.WRITE : Policy.Use.READ, type, name, descriptor,
                    write ? "writes" : "reads");
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (student(type)) {
                facts.callees.add(type + ".<clinit>()V");
                return;
            }
            if (opcode != Opcodes.NEW) {   // a NEW is followed by its constructor call, which names the arguments
                check(Policy.Use.TYPE, type, null, null, "uses");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            String element = elementType(descriptor);
            if (element != null && !student(element)) {
                check(Policy.Use.TYPE, element, null, null, "uses");
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                String type = t.getSort() == Type.ARRAY ? elementType(t.getDescriptor()) : t.getInternalName();
                if (type != null && !student(type)) {
                    check(Policy.Use.TYPE, type, null, null, "uses");
                }
            } else if (value instanceof Handle h) {
                handle(h);
            } else if (value instanceof ConstantDynamic) {
                find("loads a dynamic constant, which graded code may not use");
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!Policy.BOOTSTRAPS.contains(bootstrap.getOwner())) {
                find("uses invokedynamic with " + Policy.javaName(bootstrap.getOwner()) + "." + bootstrap.getName()
                        + ", which graded code may not use");
                return;
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle h) {
                    handle(h);
                }
            }
        }

        private void handle(Handle h) {
            if (h.getTag() >= Opcodes.H_GETFIELD && h.getTag() <= Opcodes.H_PUTSTATIC) {
                visitFieldInsn(h.getTag() == Opcodes.H_PUTSTATIC ? Opcodes.PUTSTATIC : Opcodes.GETFIELD,
                        h.getOwner(), h.getName(), h.getDesc());
            } else {
                call(h.getOwner(), h.getName(), h.getDesc());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ analysis

    private Result result() {
        List<Finding> findings = new ArrayList<>();
        Set<String> neutralised = new java.util.LinkedHashSet<>();
        for (ClassFacts c : classes.values()) {
            for (var m : c.methods.entrySet()) {
                findings.addAll(m.getValue().findings);
                if (!m.getValue().findings.isEmpty()) {
                    if (m.getKey().equals(DECLARATION)) {
                        c.methods.keySet().stream().filter(k -> k.startsWith("<init>"))
                                .forEach(k -> neutralised.add(c.name + "." + k));
                    } else {
                        neutralised.add(c.name + "." + m.getKey());
                    }
                }
            }
        }
        Map<String, Map<String, String>> rejected = new LinkedHashMap<>();
        Map<String, Reach> memo = new HashMap<>();
        for (Target target : targets) {
            Map<String, String> functions = new LinkedHashMap<>();
            ClassFacts impl = classes.get(target.implementation());
            if (impl != null) {
                Reach creating = null;
                for (String node : instanceNodes(impl)) {
                    creating = creating != null ? creating : reach(node, memo, new HashSet<>());
                }
                for (var f : target.functions().entrySet()) {
                    Reach reach = creating;
                    String start = null;
                    for (String node : functionNodes(impl, f.getKey())) {
                        Reach r = reach(node, memo, new HashSet<>());
                        if (reach == null && r != null) {
                            reach = r;
                            start = node;
                        }
                    }
                    if (reach != null) {
                        functions.put(f.getValue(), explain(reach, start, creating == reach));
                    }
                }
            }
            if (!functions.isEmpty()) {
                rejected.put(target.id(), functions);
            }
        }
        return new Result(List.copyOf(findings), List.copyOf(misplaced), rejected, neutralised, callers());
    }

    /** Per target, function → the functions whose code reaches it (through the submission's own methods). */
    private Map<String, Map<String, Set<String>>> callers() {
        Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>();
        for (Target target : targets) {
            ClassFacts impl = classes.get(target.implementation());
            if (impl == null) {
                continue;
            }
            Map<String, Set<String>> nodes = new LinkedHashMap<>();
            Map<String, Set<String>> closures = new LinkedHashMap<>();
            for (var f : target.functions().entrySet()) {
                Set<String> own = new HashSet<>();
                for (String node : functionNodes(impl, f.getKey())) {
                    own.add(canonical(node));
                }
                nodes.put(f.getValue(), own);
                Set<String> seen = new HashSet<>();
                for (String node : functionNodes(impl, f.getKey())) {
                    closure(node, seen);
                }
                closures.put(f.getValue(), seen);
            }
            Map<String, Set<String>> callers = new LinkedHashMap<>();
            for (String f : nodes.keySet()) {
                Set<String> who = new java.util.TreeSet<>();
                who.add(f);
                closures.forEach((g, reached) -> {
                    if (nodes.get(f).stream().anyMatch(reached::contains)) {
                        who.add(g);
                    }
                });
                callers.put(f, who);
            }
            out.put(target.id(), callers);
        }
        return out;
    }

    /** Every method a node can run, as canonical nodes (the declaring class's name). */
    private void closure(String node, Set<String> seen) {
        for (var entry : resolveWithOwner(node).entrySet()) {
            if (seen.add(entry.getKey())) {
                for (String callee : entry.getValue().callees) {
                    closure(callee, seen);
                }
            }
        }
    }

    private String canonical(String node) {
        return resolveWithOwner(node).keySet().stream().findFirst().orElse(node);
    }

    private Map<String, MethodFacts> resolveWithOwner(String node) {
        int dot = node.indexOf('.');
        String owner = node.substring(0, dot);
        String member = node.substring(dot + 1);
        Map<String, MethodFacts> out = new LinkedHashMap<>();
        if (owner.equals("*")) {
            for (ClassFacts c : classes.values()) {
                MethodFacts m = c.methods.get(member);
                if (m != null) {
                    out.put(c.name + "." + member, m);
                }
            }
            return out;
        }
        for (ClassFacts c = classes.get(owner); c != null; c = classes.get(c.superName)) {
            MethodFacts m = c.methods.get(member);
            if (m != null) {
                out.put(c.name + "." + member, m);
                break;
            }
            if (member.startsWith("<")) {
                break;
            }
        }
        return out;
    }

    /** A finding reachable from a method, and the methods passed on the way (after the first). */
    private record Reach(Finding finding, List<String> path) {
    }

    private Reach reach(String node, Map<String, Reach> memo, Set<String> visiting) {
        if (memo.containsKey(node)) {
            return memo.get(node);
        }
        if (!visiting.add(node)) {
            return null;
        }
        Reach found = null;
        for (MethodFacts m : resolve(node)) {
            if (!m.findings.isEmpty()) {
                found = new Reach(m.findings.get(0), List.of());
                break;
            }
            for (String callee : m.callees) {
                Reach r = reach(callee, memo, visiting);
                if (r != null) {
                    List<String> path = new ArrayList<>();
                    path.add(methodName(callee));
                    path.addAll(r.path());
                    found = new Reach(r.finding(), path);
                    break;
                }
            }
            if (found != null) {
                break;
            }
        }
        visiting.remove(node);
        memo.put(node, found);
        return found;
    }

    /** The methods a call node can run: {@code owner.name+desc} up the submission's superclasses, or {@code *.}. */
    private List<MethodFacts> resolve(String node) {
        return new ArrayList<>(resolveWithOwner(node).values());
    }

    private List<String> instanceNodes(ClassFacts impl) {
        List<String> nodes = new ArrayList<>();
        for (ClassFacts c = impl; c != null; c = classes.get(c.superName)) {
            nodes.add(c.name + ".<clinit>()V");
            nodes.add(c.name + ".<init>()V");
        }
        return nodes;
    }

    private List<String> functionNodes(ClassFacts impl, String javaName) {
        List<String> nodes = new ArrayList<>();
        for (ClassFacts c = impl; c != null; c = classes.get(c.superName)) {
            for (String key : c.methods.keySet()) {
                if (key.startsWith(javaName + "(")) {
                    nodes.add(c.name + "." + key);
                }
            }
        }
        return nodes;
    }

    private static String methodName(String node) {
        String member = node.substring(node.indexOf('.') + 1);
        return member.substring(0, member.indexOf('(') < 0 ? member.length() : member.indexOf('('));
    }

    private static String explain(Reach reach, String start, boolean creating) {
        String text = reach.finding().text();
        if (creating) {
            return "the class cannot even be created safely: " + text;
        }
        List<String> path = new ArrayList<>();
        if (start != null) {
            path.add(methodName(start));
        }
        path.addAll(reach.path());
        path.removeIf(p -> p.equals("<clinit>") || p.equals(DECLARATION));
        return path.size() > 1 ? text + " (reached through " + String.join(" → ", path) + ")" : text;
    }

    // ---------------------------------------------------------------------------------------------- rewriting

    /**
     * Makes the compiled submission safe to load: deletes the misplaced classes and replaces the body of every
     * method with a finding by {@code throw new PolicyViolation("<finding>")}.
     */
    public static void neutralise(Path classes, Result result) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        Map<String, String> reasons = new HashMap<>();
        for (Finding f : result.findings()) {
            reasons.putIfAbsent(f.className() + "." + f.method(), f.text());
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            ClassReader reader = new ClassReader(content);
            String name = reader.getClassName();
            if (result.misplaced().contains(name)) {
                Files.delete(file);
                continue;
            }
            boolean touched = result.neutralised().stream().anyMatch(k -> k.startsWith(name + "."));
            if (touched) {
                Files.write(file, rewrite(reader, result.neutralised(), reasons));
            }
        }
    }

    private static byte[] rewrite(ClassReader reader, Set<String> neutralised, Map<String, String> reasons) {
        String name = reader.getClassName();
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                if (!neutralised.contains(name + "." + method + descriptor)) {
                    return super.visitMethod(access, method, descriptor, signature, exceptions);
                }
                String reason = reasons.getOrDefault(name + "." + method,
                        reasons.getOrDefault(name + "." + DECLARATION, "refused by the code policy"));
                MethodVisitor mv = super.visitMethod(access & ~(Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT), method,
                        descriptor, signature, exceptions);
                mv.visitCode();
                String error = "dlcourse/grader/check/PolicyViolation";
                mv.visitTypeInsn(Opcodes.NEW, error);
                mv.visitInsn(Opcodes.DUP);
                mv.visitLdcInsn(reason);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, error, "<init>", "(Ljava/lang/String;)V", false);
                mv.visitInsn(Opcodes.ATHROW);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                return null;
            }
        }, 0);   // the other methods keep their code and stack map frames as they are
        return writer.toByteArray();
    }
}
