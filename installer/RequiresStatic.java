import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.attribute.ModuleAttribute;
import java.lang.classfile.attribute.ModuleRequireInfo;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rewrites a module descriptor so that it requires a module at compile time only
 * ({@code requires static}): jlink then links it only when something else needs it.
 * <pre>java installer/RequiresStatic.java module-info.class java.desktop</pre>
 * installer/package.sh uses it for JavaFX's java.desktop, which javafx.base and javafx.graphics
 * need only for java.beans adapters and AWT image loading, which Parley does not use.
 */
public final class RequiresStatic {
    private RequiresStatic() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java RequiresStatic.java MODULE_INFO_CLASS MODULE");
            System.exit(2);
        }
        Path descriptor = Path.of(args[0]);
        ClassFile classFile = ClassFile.of();
        ClassModel model = classFile.parse(descriptor);
        byte[] rewritten = classFile.transformClass(model, (builder, element) ->
                builder.with(element instanceof ModuleAttribute module ? staticRequires(module, args[1]) : element));
        Files.write(descriptor, rewritten);
    }

    private static ModuleAttribute staticRequires(ModuleAttribute module, String required) {
        List<ModuleRequireInfo> requires = module.requires().stream()
                .map(info -> info.requires().name().stringValue().equals(required)
                        ? ModuleRequireInfo.of(info.requires(), info.requiresFlagsMask() | AccessFlag.STATIC_PHASE.mask(),
                                info.requiresVersion().orElse(null))
                        : info)
                .toList();
        return ModuleAttribute.of(module.moduleName(), module.moduleFlagsMask(), module.moduleVersion().orElse(null),
                requires, module.exports(), module.opens(), module.uses(), module.provides());
    }
}
