package io.mailflow.runtime.cli;

import io.mailflow.runtime.config.ConfigException;
import io.mailflow.runtime.config.ConfigKey;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives a command one option per configuration key, named after the key ({@code hold.window}
 * becomes {@code --hold-window}), so that {@code --help} lists every key with its doc, default and
 * environment variable. The options have no picocli default: an option the user did not give must
 * not hide the environment or the file.
 */
public final class ConfigOptions implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        ConfigKeys.ALL.forEach(key -> spec.addOption(option(key)));
        return spec;
    }

    /**
     * Loads the configuration from the key options of {@code spec}, the {@code --set} entries, the
     * environment and the file.
     *
     * @throws UserException naming every bad key
     */
    static MailflowConfig load(CommandSpec spec, Path configFile, Map<String, String> set) {
        try {
            return ConfigLoader.load(
                    Optional.ofNullable(configFile), System.getenv(), flags(spec, set));
        } catch (ConfigException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The keys given on the command line; a key's own option wins over {@code --set}. */
    static Map<String, String> flags(CommandSpec spec, Map<String, String> set) {
        Map<String, String> flags = new LinkedHashMap<>(set);
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            String value = spec.findOption(key.flagName()).getValue();
            if (value != null) {
                flags.put(key.name(), value);
            }
        }
        return flags;
    }

    private static OptionSpec option(ConfigKey<?> key) {
        String description =
                key.doc()
                        + " Default: "
                        + key.defaultDescription().replace("`", "")
                        + "; environment: "
                        + key.envName()
                        + ".";
        return OptionSpec.builder(key.flagName())
                .paramLabel("VALUE")
                .description(description)
                .type(String.class)
                .arity("1")
                .build();
    }
}
