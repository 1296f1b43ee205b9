using IssueHygiene.Tests.Cli;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace IssueHygiene.Tests.ScaleOut;

/// <summary>
/// The deployment examples under <c>deploy/</c> parse and agree with each other and with the service (no Docker or
/// Kubernetes here: these are the checks that can run without them).
/// </summary>
public sealed class DeploymentManifestTests
{
    [Fact]
    public void Compose_TwoReplicasOnPostgres_ReplicaCountMatchesAndEveryReplicaConfiguredAlike()
    {
        var compose = Documents("deploy/docker-compose.yml").Single();
        var services = Map(compose["services"]);
        var replicas = services.Keys.Where(k => k.StartsWith("issue-hygiene-", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, replicas.Count);
        Assert.Contains("postgres", services.Keys);
        Assert.Contains("gitlab-simulator", services.Keys);
        var environments = replicas.Select(r => Map(Map(services[r])["environment"])).ToList();
        foreach (var environment in environments)
        {
            Assert.Equal("postgres", environment["IssueHygiene__Storage__Provider"]);
            Assert.Equal(replicas.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), environment["IssueHygiene__GitLab__ReplicaCount"]);
            Assert.Equal(environments[0], environment);
        }
    }

    [Fact]
    public void Kubernetes_Deployment_ProbesResourcesAndReplicaCountAgreeWithConfigMap()
    {
        var documents = Directory.GetFiles(CliRunner.Repo("deploy/kubernetes"), "*.yaml")
            .SelectMany(f => Documents(Path.GetRelativePath(CliRunner.RepositoryRoot, f)))
            .ToList();
        var deployment = documents.Single(d => Equals(d["kind"], "Deployment"));
        var settings = documents.Single(d => Equals(d["kind"], "ConfigMap") && Equals(Map(d["metadata"])["name"], "issue-hygiene-settings"));
        var secret = documents.Single(d => Equals(d["kind"], "Secret"));
        Assert.Single(documents, d => Equals(d["kind"], "Service"));

        var spec = Map(deployment["spec"]);
        var container = Map(List(Map(Map(spec["template"])["spec"])["containers"]).Single());
        Assert.Equal(spec["replicas"], Map(settings["data"])["IssueHygiene__GitLab__ReplicaCount"]);
        Assert.Equal("/healthz", Map(Map(container["livenessProbe"])["httpGet"])["path"]);
        Assert.Equal("/readyz", Map(Map(container["readinessProbe"])["httpGet"])["path"]);
        Assert.True(Map(Map(container["resources"])["requests"]).ContainsKey("cpu"));
        Assert.Equal("postgres", Map(settings["data"])["IssueHygiene__Storage__Provider"]);
        var secretKeys = Map(secret["stringData"]).Keys;
        Assert.Contains("IssueHygiene__GitLab__Token", secretKeys);
        Assert.Contains("IssueHygiene__Webhook__Secrets__0", secretKeys);
        Assert.Contains("IssueHygiene__Storage__ConnectionString", secretKeys);
    }

    [Fact]
    public void Kubernetes_Kustomization_NoSecretAndRestrictedPodSecurity()
    {
        var kustomization = Documents("deploy/kubernetes/kustomization.yaml").Single();
        var resources = List(kustomization["resources"]).Cast<string>().ToList();
        var applied = resources.SelectMany(r => Documents("deploy/kubernetes/" + r)).ToList();
        var deployment = applied.Single(d => Equals(d["kind"], "Deployment"));
        var pod = Map(Map(Map(deployment["spec"])["template"])["spec"]);
        var container = Map(List(pod["containers"]).Single());
        var podSecurity = Map(pod["securityContext"]);
        var containerSecurity = Map(container["securityContext"]);

        Assert.DoesNotContain(applied, d => Equals(d["kind"], "Secret"));
        Assert.Equal("true", podSecurity["runAsNonRoot"]);
        Assert.Equal("RuntimeDefault", Map(podSecurity["seccompProfile"])["type"]);
        Assert.Equal("false", containerSecurity["allowPrivilegeEscalation"]);
        Assert.Equal(["ALL"], List(Map(containerSecurity["capabilities"])["drop"]).Cast<string>());
    }

    [Fact]
    public void Compose_Trial_ReplicasUseTheBotTokenAndTheWebhookIsRegistered()
    {
        var services = Map(Documents("deploy/docker-compose.yml").Single()["services"]);
        var replica = Map(Map(services["issue-hygiene-1"])["environment"]);
        var simulator = string.Join(' ', List(Map(services["gitlab-simulator"])["command"]).Cast<string>());
        var register = string.Join(' ', List(Map(services["register-webhook"])["command"]).Cast<string>());

        Assert.NotEqual("simulator-token", replica["IssueHygiene__GitLab__Token"]);
        Assert.Contains($"--bot-token {replica["IssueHygiene__GitLab__Token"]}", simulator, StringComparison.Ordinal);
        Assert.Contains("/hooks", register, StringComparison.Ordinal);
        Assert.Contains($"\"token\":\"{replica["IssueHygiene__Webhook__Secrets__0"]}\"", register, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_RulesConfigMap_SameAsRepositoryRules()
    {
        var rules = Directory.GetFiles(CliRunner.Repo("deploy/kubernetes"), "*.yaml")
            .SelectMany(f => Documents(Path.GetRelativePath(CliRunner.RepositoryRoot, f)))
            .Single(d => Equals(d["kind"], "ConfigMap") && Equals(Map(d["metadata"])["name"], "issue-hygiene-rules"));

        var embedded = (string)Map(rules["data"])["handbook.yml"]!;
        var deserializer = new DeserializerBuilder().Build();
        var expected = new SerializerBuilder().Build().Serialize(deserializer.Deserialize<object>(File.ReadAllText(CliRunner.Repo("rules/handbook.yml"))));
        Assert.Equal(expected, new SerializerBuilder().Build().Serialize(deserializer.Deserialize<object>(embedded)));
    }

    private static List<Dictionary<string, object?>> Documents(string relativePath)
    {
        var parser = new MergingParser(new Parser(new StringReader(File.ReadAllText(CliRunner.Repo(relativePath)))));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<string, object?>>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Map(deserializer.Deserialize<object>(parser)));
        }

        return documents;
    }

    private static Dictionary<string, object?> Map(object? node) =>
        Assert.IsType<Dictionary<object, object?>>(node).ToDictionary(p => (string)p.Key, p => p.Value);

    private static List<object?> List(object? node) => Assert.IsType<List<object?>>(node);
}
