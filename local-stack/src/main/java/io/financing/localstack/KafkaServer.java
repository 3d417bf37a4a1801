package io.financing.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM
 * from Kafka's own jars. Its log directory outlives it: started again, it has every topic and record.
 */
public final class KafkaServer implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private KafkaServer(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static KafkaServer start(int port, int controllerPort, Path logDirectory) {
        KafkaConfig config = KafkaConfig.fromProps(properties(port, controllerPort, logDirectory), false);
        format(config, logDirectory);
        var server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaServer(server, port);
    }

    private static Properties properties(int port, int controllerPort, Path logDirectory) {
        var props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toAbsolutePath().toString()),
                // A single node: every internal topic has one replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "6"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are created on purpose, with their partitions; a typo must not create one.
                Map.entry("auto.create.topics.enable", "false")));
        return props;
    }

    /** Formats the log directory once; a directory formatted before keeps its cluster id and data. */
    private static void format(KafkaConfig config, Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDirectory.toAbsolutePath().toString()))
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDirectory, e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * Creates each topic that does not exist yet, with the given number of partitions and settings, and gives the
     * settings to those that existed (a home made by an earlier version keeps its topics).
     */
    public void createTopics(Collection<String> topics, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : topics) {
                if (!createTopic(admin, new NewTopic(topic, partitions, (short) 1).configs(configs))) {
                    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                    complete(admin.incrementalAlterConfigs(Map.of(resource, configs.entrySet().stream()
                            .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()),
                                    AlterConfigOp.OpType.SET)).toList())).all(), "configure topic " + topic);
                }
            }
        }
    }

    /** @return whether it created the topic: false if it existed */
    private static boolean createTopic(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
        }
    }

    private static void complete(KafkaFuture<Void> future, String what) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + what, e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
