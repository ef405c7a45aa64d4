package io.mailflow.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads mailflow's configuration from its sources, each overriding the ones before: the defaults, a
 * properties file, the environment, the command-line flags.
 *
 * <p>An environment variable sets the key of the same name: {@code MAILFLOW_HOLD_WINDOW} sets
 * {@code hold.window}, and {@code MAILFLOW_KAFKA_SASL_MECHANISM} sets {@code kafka.sasl.mechanism}.
 * Unknown keys in the file or the flags are errors; unknown {@code MAILFLOW_} variables are only
 * logged, since the environment is shared with other programs.
 */
public final class ConfigLoader {
    /** The environment variable naming the properties file when no flag does. */
    public static final String CONFIG_FILE_ENV = "MAILFLOW_CONFIG";

    /** Variables of the launcher script and of logging that are not configuration keys. */
    private static final Set<String> NOT_KEYS =
            Set.of(
                    CONFIG_FILE_ENV,
                    "MAILFLOW_JAVA_OPTS",
                    "MAILFLOW_LOG_LEVEL",
                    "MAILFLOW_KAFKA_LOG_LEVEL");

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final String KAFKA_ENV_PREFIX = ConfigKey.envNameOf("kafka") + "_";

    private final Map<String, RawValue> values = new LinkedHashMap<>();
    private final Map<String, RawValue> kafka = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader() {
        ConfigKeys.ALL.forEach(key -> values.put(key.name(), RawValue.fromDefault(key)));
    }

    /**
     * Loads and checks the configuration.
     *
     * @param file the properties file given on the command line, if any; otherwise the one {@value
     *     #CONFIG_FILE_ENV} names, if set
     * @param env the environment, usually {@link System#getenv()}
     * @param flags key name to text, from the command line
     * @throws ConfigException naming every unknown key and every bad value
     */
    public static MailflowConfig load(
            Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        ConfigLoader loader = new ConfigLoader();
        Optional<Path> chosen =
                file.or(() -> Optional.ofNullable(env.get(CONFIG_FILE_ENV)).map(Path::of));
        chosen.ifPresent(loader::readFile);
        loader.readEnvironment(env);
        flags.forEach((name, text) -> loader.put(name, new RawValue(text, "flag " + flagOf(name))));
        if (!loader.problems.isEmpty()) {
            throw new ConfigException(loader.problems, null);
        }
        return MailflowConfig.resolve(loader.values, loader.kafka);
    }

    private void readFile(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    List.of("cannot read the configuration file " + file + ": " + e.getMessage()),
                    e);
        }
        String origin = "file " + file;
        props.stringPropertyNames().stream()
                .sorted()
                .forEach(name -> put(name, new RawValue(props.getProperty(name), origin)));
    }

    private void readEnvironment(Map<String, String> env) {
        env.keySet().stream()
                .filter(name -> name.startsWith(ConfigKey.ENV_PREFIX) && !NOT_KEYS.contains(name))
                .sorted()
                .forEach(name -> readVariable(name, env.get(name)));
    }

    private void readVariable(String variable, String text) {
        RawValue raw = new RawValue(text, "environment " + variable);
        Optional<ConfigKey<?>> key =
                ConfigKeys.ALL.stream().filter(k -> k.envName().equals(variable)).findFirst();
        if (key.isPresent()) {
            put(key.get().name(), raw);
        } else if (variable.startsWith(KAFKA_ENV_PREFIX)) {
            String rest = variable.substring(KAFKA_ENV_PREFIX.length());
            kafka.put(rest.toLowerCase(Locale.ROOT).replace('_', '.'), raw);
        } else {
            LOG.warn(
                    "Ignoring environment variable {}: no configuration key has that name",
                    variable);
        }
    }

    private void put(String name, RawValue raw) {
        if (name.startsWith(ConfigKeys.KAFKA_PREFIX)) {
            kafka.put(name.substring(ConfigKeys.KAFKA_PREFIX.length()), raw);
        } else if (values.containsKey(name)) {
            values.put(name, raw);
        } else {
            problems.add(
                    "unknown key '"
                            + name
                            + "' ("
                            + raw.origin()
                            + "); expected a key of"
                            + " docs/configuration.md or a Kafka client config prefixed with "
                            + ConfigKeys.KAFKA_PREFIX);
        }
    }

    private static String flagOf(String name) {
        return ConfigKeys.named(name).map(ConfigKey::flagName).orElse("--set " + name);
    }
}
