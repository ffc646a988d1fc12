using Wayfarer.Silo;

if (args is ["migrate", .. var rest])
{
    return await MigrateCommand.RunAsync(rest);
}

if (args is ["cluster", .. var options])
{
    return await ClusterCommand.RunAsync(options);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSiloDefaults();
builder.AddSiloRuntime();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealthEndpoints();
app.MapOperatorEndpoints();
app.MapDemoEndpoints();

await app.RunAsync();
return 0;
