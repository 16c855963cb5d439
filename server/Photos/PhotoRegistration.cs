namespace OffenderMgmt.Server.Photos;

public static class PhotoRegistration
{
    /// <summary>Photographs (issue 18); their options are bound and checked in Hosting/OptionsRegistration.</summary>
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddScoped<PhotoAlbum>();
        services.AddScoped<PhotoAccess>();
        services.AddScoped<PhotoDesk>();
        return services;
    }
}
