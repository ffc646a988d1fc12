using Wayfarer.Client.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddSecurity();
builder.AddDataAccess();
builder.AddGrainAccess();

var app = builder.Build();

app.UseApiDefaults();
app.MapWayfarerApi();

app.Run();

/// <summary>The entry point; public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
