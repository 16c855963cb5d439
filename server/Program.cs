using OffenderMgmt.Server.Hosting;

if (AdminCommand.IsUnknownCommand(args)) return AdminCommand.Usage();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = CommandLine.Rewrite(AdminCommand.ServerArguments(args)),
    ContentRootPath = ContentRoot.Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
AdminCommand.ConfigureLogging(builder.Logging, args);
builder.Services.AddOffenderMgmt(builder.Configuration);
var app = builder.Build();

if (AdminCommand.IsAdminCommand(args))
    return await ConfigurationFailure.Guard(app.Services, () => AdminCommand.RunAsync(app.Services, args));

app.MapOffenderMgmt();
return await ConfigurationFailure.Guard(app.Services, async () => { await app.RunAsync(); return 0; });
