using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace Workbench.Tests.Cli.Slurm;

/// <summary>
/// A one-node Slurm cluster on this machine for the length of a test class: munged, slurmctld and slurmd on free
/// localhost ports with all their state in one temporary folder (no cgroups: proctrack/linuxproc, task/none), and
/// SLURM_CONF pointing this process (and the jobs it submits) at it. Disposing cancels its jobs, stops the daemons
/// and deletes the folder.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Programs = ["munged", "slurmctld", "slurmd", "sbatch", "scontrol", "scancel", "sinfo"];
    private readonly string? _previousConf = Environment.GetEnvironmentVariable("SLURM_CONF");

    public string Root { get; }
    private string Conf => Path.Combine(Root, "slurm.conf");
    private string MungeSocket => Path.Combine(Root, "munge", "munge.socket");

    /// <summary>The first daemon or client program not on PATH (or in /usr/sbin), or null when all are there.</summary>
    public static string? MissingProgram() => Programs.FirstOrDefault(p => Find(p) is null);

    public SlurmCluster()
    {
        Root = Directory.CreateTempSubdirectory("wb-slurm-").FullName;
        try
        {
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void Start()
    {
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        foreach (var folder in new[] { "munge", "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(Root, folder));
        var key = Path.Combine(Root, "munge", "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        Run("munged", "--force", $"--socket={MungeSocket}", $"--key-file={key}", $"--log-file={Path.Combine(Root, "log", "munged.log")}",
            $"--pid-file={Path.Combine(Root, "munge", "munged.pid")}", $"--seed-file={Path.Combine(Root, "munge", "munged.seed")}");

        var host = Dns.GetHostName().Split('.')[0];
        var (controllerPort, nodePort) = (FreePort(), FreePort());
        File.WriteAllText(Conf, $"""
            ClusterName=workbench-test
            SlurmctldHost={host}(127.0.0.1)
            SlurmctldPort={controllerPort}
            SlurmdPort={nodePort}
            AuthType=auth/munge
            CredType=cred/munge
            AuthInfo=socket={MungeSocket},cred_expire=5
            SlurmUser=root
            SlurmdUser=root
            StateSaveLocation={Root}/state
            SlurmdSpoolDir={Root}/spool
            SlurmctldPidFile={Root}/slurmctld.pid
            SlurmdPidFile={Root}/slurmd.pid
            SlurmctldLogFile={Root}/log/slurmctld.log
            SlurmdLogFile={Root}/log/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/none
            SwitchType=switch/none
            MpiDefault=none
            SchedulerType=sched/backfill
            SchedulerParameters=sched_interval=1
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            ReturnToService=2
            KillWait=10
            MinJobAge=600
            NodeName=node0 NodeAddr=127.0.0.1 NodeHostname={host} CPUs={Environment.ProcessorCount} RealMemory=1024 State=UNKNOWN
            PartitionName=debug Nodes=node0 Default=YES MaxTime=INFINITE State=UP

            """);
        Environment.SetEnvironmentVariable("SLURM_CONF", Conf);
        Run("slurmctld", "-f", Conf);
        Run("slurmd", "-f", Conf, "-N", "node0");
        WaitFor(() => Run("sinfo", "--noheader", "--format=%t").Trim() == "idle", TimeSpan.FromSeconds(60), "the node to become idle");
    }

    /// <summary>Runs a Slurm or munge program and returns its standard output; a failure throws with its errors and the daemons' logs.</summary>
    public string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(Find(program)!, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SLURM_CONF"] = Conf;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(" ", args)} exited with {process.ExitCode}: {error.Result}\n{Logs()}");
        return output;
    }

    /// <summary>A job's (or array task's, "JOB_INDEX") JobState, and its Reason, as scontrol reports them.</summary>
    public (string State, string Reason) Job(string id)
    {
        var fields = Run("scontrol", "--oneliner", "show", "job", id).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Field(string name) => fields.First(f => f.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
        return (Field("JobState"), Field("Reason"));
    }

    /// <summary>Waits until the job has ended and returns its final state.</summary>
    public string WaitUntilEnded(string id, TimeSpan timeout)
    {
        string? state = null;
        WaitFor(() => (state = Job(id).State) is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "REQUEUED"), timeout, $"job {id} to end");
        return state!;
    }

    public void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"waited {timeout.TotalSeconds:F0} s for {what}\n{Logs()}");
            Thread.Sleep(200);
        }
    }

    public string Logs() =>
        string.Join("\n", Directory.Exists(Path.Combine(Root, "log"))
            ? Directory.EnumerateFiles(Path.Combine(Root, "log")).Select(f => $"--- {f}\n{string.Join("\n", File.ReadLines(f).TakeLast(15))}")
            : []);

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(Root, "slurmctld.pid")))
            {
                Run("scancel", $"--user={Environment.UserName}");
                Run("scontrol", "shutdown");
            }
            if (File.Exists(Path.Combine(Root, "munge", "munged.pid"))) Run("munged", "--stop", $"--socket={MungeSocket}");
        }
        catch (InvalidOperationException)
        {
            // A daemon that never came up or already stopped: whatever still runs is killed below by its PID file.
        }
        foreach (var pidFile in new[] { "slurmctld.pid", "slurmd.pid", "munge/munged.pid" })
            Stop(Path.Combine(Root, pidFile));
        Environment.SetEnvironmentVariable("SLURM_CONF", _previousConf);
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>
    /// Waits for the daemon named in <paramref name="pidFile"/> to exit and kills it after 20 s. The daemons are not
    /// this process's children, so their end is read from /proc (gone, or a zombie waiting for init).
    /// </summary>
    private static void Stop(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return;
        var clock = Stopwatch.StartNew();
        while (Alive(pid))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                try
                {
                    using var daemon = Process.GetProcessById(pid);
                    daemon.Kill();
                }
                catch (ArgumentException)
                {
                    return; // gone since the last look
                }
                clock.Restart();
            }
            Thread.Sleep(100);
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/sbin")
        .Select(dir => Path.Combine(dir, program))
        .FirstOrDefault(File.Exists);
}
