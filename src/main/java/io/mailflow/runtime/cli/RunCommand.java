package io.mailflow.runtime.cli;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.classify.RuleFileException;
import io.mailflow.runtime.broker.ProvisionReport;
import io.mailflow.runtime.broker.TopicProvisioningException;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import io.mailflow.runtime.pipeline.StreamsRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mailflow run}: the long-running pipeline against a Kafka cluster. SIGTERM or Ctrl-C
 * commits what was processed and stops; an error that stops the pipeline exits 1 with its message.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        modelTransformer = ConfigOptions.class,
        description = {
            "Runs the delivery pipeline against a Kafka cluster until SIGTERM or Ctrl-C.",
            "",
            "Each configuration key has an option below, and can also be set by its environment"
                    + " variable or in the --config file; options win over the environment, the"
                    + " environment over the file. docs/configuration.md describes every key.",
            ""
        })
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A properties file of configuration keys; default: $MAILFLOW_CONFIG.")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Sets any key, kafka.-prefixed client configs included; repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(
            names = "--create-topics",
            description = "Creates the pipeline's missing topics before starting.")
    boolean createTopics;

    @Override
    public Integer call() throws InterruptedException {
        MailflowConfig config = ConfigOptions.load(spec, configFile, set);
        prepareStateDirectory(config.get(ConfigKeys.STATE_DIR));
        ErrorClassifier classifier = classifier(config);
        if (createTopics) {
            provision(config);
        }
        PipelineInstance pipeline = start(config, classifier);
        Thread stop = new Thread(pipeline::close, "mailflow-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        if (pipeline.runner().awaitTermination() == StreamsRunner.Termination.STOPPED) {
            return 0;
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        pipeline.close();
        Throwable failure = pipeline.runner().failure();
        throw new UserException(
                "the pipeline stopped after an error: " + failure.getMessage(), failure);
    }

    private static PipelineInstance start(MailflowConfig config, ErrorClassifier classifier) {
        try {
            return PipelineInstance.start(config, classifier);
        } catch (IOException e) {
            throw new UserException(
                    ConfigKeys.HTTP_PORT.name()
                            + " is "
                            + config.get(ConfigKeys.HTTP_PORT)
                            + ": cannot listen on it ("
                            + e.getMessage()
                            + "); expected a free port",
                    e);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The built-in rules, plus the operator's file when {@code rules.file} names one. */
    static ErrorClassifier classifier(MailflowConfig config) {
        try {
            return config.get(ConfigKeys.RULES_FILE)
                    .map(ErrorClassifier::withRules)
                    .orElseGet(ErrorClassifier::builtIn);
        } catch (RuleFileException e) {
            throw new UserException(ConfigKeys.RULES_FILE.name() + ": " + e.getMessage(), e);
        }
    }

    private static void provision(MailflowConfig config) {
        try {
            ProvisionReport report = PipelineInstance.createTopics(config);
            LOG.info(
                    "Topics: {} created, {} already there",
                    report.created().size(),
                    report.existing().size());
        } catch (TopicProvisioningException e) {
            throw new UserException("--create-topics: " + e.getMessage(), e);
        }
    }

    private static void prepareStateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException(
                    ConfigKeys.STATE_DIR.name()
                            + " is '"
                            + dir
                            + "': cannot create the directory ("
                            + e.getMessage()
                            + "); expected a writable directory",
                    e);
        }
        if (!Files.isWritable(dir)) {
            throw new UserException(
                    ConfigKeys.STATE_DIR.name()
                            + " is '"
                            + dir
                            + "': not writable; expected a"
                            + " writable directory");
        }
    }
}
