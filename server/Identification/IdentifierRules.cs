using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Identification;

/// <summary>The details of an identifier as a caller gives them, before checking.</summary>
public abstract record IdentifierDetails(string Description);

public sealed record MarkDetails(MarkType Type, string BodyLocation, string Description) : IdentifierDetails(Description);

public sealed record VehicleDetails(string Registration, string Make, string Model, string Colour, VehicleLink Link, string Description) : IdentifierDetails(Description);

public sealed record DeviceDetails(DeviceType Type, string PhoneNumber, string Imei, Guid? RegisteredConditionId, string Description) : IdentifierDetails(Description);

public sealed record OnlineDetails(string Platform, string Handle, string Description) : IdentifierDetails(Description);

/// <summary>
/// Checking identifiers (registration marks by the 2001 Regulations, IMEIs by their Luhn digit,
/// phone numbers to E.164), putting them in their stored form, and who may see which kind.
/// </summary>
public static class IdentifierRules
{
    public const int MaxShortText = 100;
    public const int MaxHandle = 320;   // an e-mail address can be this long (RFC 5321 limits)
    public const int MaxDescription = 500;

    /// <summary>A new identifier of the details' kind, checked; violations are named under <paramref name="field"/>.</summary>
    public static PersonIdentifier Create(IdentifierDetails details, Validator v, string field) => details switch
    {
        MarkDetails => Apply(new PersonMark(), details, v, field),
        VehicleDetails => Apply(new PersonVehicle(), details, v, field),
        DeviceDetails => Apply(new PersonDevice(), details, v, field),
        OnlineDetails => Apply(new OnlineIdentifier(), details, v, field),
        _ => throw new ArgumentOutOfRangeException(nameof(details)),
    };

    /// <summary>Writes checked details onto an identifier of the same kind.</summary>
    public static PersonIdentifier Apply(PersonIdentifier target, IdentifierDetails details, Validator v, string field)
    {
        target.Description = v.Optional($"{field}.{(details is VehicleDetails or OnlineDetails ? "notes" : "description")}", details.Description, MaxDescription);
        switch (target, details)
        {
            case (PersonMark mark, MarkDetails d):
                mark.Type = d.Type;
                mark.BodyLocation = v.Required($"{field}.body_location", d.BodyLocation, MaxShortText);
                mark.SearchText = MarkText.SearchText(d.Type, mark.BodyLocation, mark.Description);
                break;
            case (PersonVehicle vehicle, VehicleDetails d):
                if (RegistrationMark.TryNormalise(d.Registration, out var compact, out _, out var problem)) vehicle.Registration = compact;
                else v.Add($"{field}.registration", problem);
                vehicle.Make = v.Optional($"{field}.make", d.Make, MaxShortText);
                vehicle.Model = v.Optional($"{field}.model", d.Model, MaxShortText);
                vehicle.Colour = v.Optional($"{field}.colour", d.Colour, MaxShortText);
                vehicle.Link = d.Link;
                break;
            case (PersonDevice device, DeviceDetails d):
                device.Type = d.Type;
                device.PhoneNumber = null;
                device.Imei = null;
                if (d.PhoneNumber.Trim().Length > 0)
                {
                    if (PhoneNumber.TryNormalise(d.PhoneNumber, out var e164, out var phoneProblem)) device.PhoneNumber = e164;
                    else v.Add($"{field}.phone_number", phoneProblem);
                }
                if (d.Imei.Trim().Length > 0)
                {
                    if (Imei.TryNormalise(d.Imei, out var imei, out var imeiProblem)) device.Imei = imei;
                    else v.Add($"{field}.imei", imeiProblem);
                }
                if (d.PhoneNumber.Trim().Length == 0 && d.Imei.Trim().Length == 0 && device.Description.Length == 0)
                    v.Add($"{field}.imei", "give a phone number, an IMEI or a description of the device");
                device.RegisteredConditionId = d.RegisteredConditionId;
                break;
            case (OnlineIdentifier online, OnlineDetails d):
                online.Platform = v.Required($"{field}.platform", d.Platform, MaxShortText);
                online.Handle = v.Required($"{field}.handle", d.Handle, MaxHandle);
                break;
            default:
                v.Add(field, $"must be of the same kind as the identifier ({IdentifierMessages.KindWords[target.Kind]})");
                break;
        }
        return target;
    }

    /// <summary>
    /// Marks and vehicles are briefing fields: anyone who may read the person sees them (a
    /// local officer for a briefing or a sighting check). Devices and online identifiers are
    /// casework (issue 18, Access): offender managers and supervisors reading the person in
    /// full, and the service account that recorded them; no one else.
    /// </summary>
    public static bool MaySee(PersonIdentifier identifier, Role? role, DisclosureLevel level, string subject) =>
        !identifier.IsCasework
        || (role is Role.OffenderManager or Role.Supervisor && level == DisclosureLevel.Full)
        || (role == Role.Service && identifier.RecordedBy == subject);

    /// <summary>One line in plain words, for briefings and lists.</summary>
    public static string Describe(PersonIdentifier identifier) => identifier switch
    {
        PersonMark m => $"{IdentifierMessages.MarkTypeWords.Capitalised(m.Type)}, {m.BodyLocation}{(m.Description.Length > 0 ? $": {m.Description}" : "")}",
        PersonVehicle v => $"{RegistrationMark.Display(v.Registration)}{Prefixed(Join(" ", v.Colour, v.Make, v.Model))} ({LinkWords(v.Link)})",
        PersonDevice d => $"{IdentifierMessages.DeviceTypeWords.Capitalised(d.Type)}{(d.PhoneNumber is { } p ? $" {PhoneNumber.Display(p)}" : "")}{(d.Imei is { } i ? $" IMEI {i}" : "")}{(d.Description.Length > 0 ? $" ({d.Description})" : "")}{(d.IsRegistered ? ", registered" : ", not registered")}",
        OnlineIdentifier o => $"{o.Platform}: {o.Handle}",
        _ => IdentifierMessages.KindWords.Capitalised(identifier.Kind),
    };

    public static string LinkWords(VehicleLink link) => link switch
    {
        VehicleLink.Owner => "owner",
        VehicleLink.User => "user",
        VehicleLink.SeenDriving => "seen driving",
        _ => "linked",
    };

    private static string Prefixed(string text) => text.Length > 0 ? " " + text : "";

    private static string Join(string separator, params string[] parts) => string.Join(separator, parts.Where(p => p.Length > 0));
}
