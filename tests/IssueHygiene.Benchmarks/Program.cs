using BenchmarkDotNet.Running;

// Every benchmark in this assembly; pick with --filter, e.g. `-- --filter '*Evaluator*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
