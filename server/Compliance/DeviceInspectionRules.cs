using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Compliance;

/// <summary>A device found at an inspection, and the record of it the person already has, if any.</summary>
public sealed record DeviceSeen(PersonDevice Found, PersonDevice? Known)
{
    public bool IsRegistered => Known?.IsRegistered == true;
}

public sealed record DeviceInspectionFinding(IReadOnlyList<DeviceSeen> Devices, bool BreachSuspected, string Reason)
{
    public IEnumerable<DeviceSeen> Unregistered => Devices.Where(d => !d.IsRegistered);
}

/// <summary>
/// Judges the devices found at a device inspection against the person's devices condition
/// (issue 18). Device conditions come from the orders that may restrict the use of items and
/// the means of communication: a serious crime prevention order (Serious Crime Act 2007,
/// s.5(3)(c) and (e); breach is an offence, s.25) and a criminal behaviour order (Anti-social
/// Behaviour, Crime and Policing Act 2014, s.22; breach, s.30), among others. Under a condition
/// that limits the phones a person may have or requires their devices to be registered, a
/// device found that is not registered under it is a suspected breach, as is finding more
/// phones than the condition allows. A device is the same as one on record when its IMEI or
/// its phone number is.
/// </summary>
public static class DeviceInspectionRules
{
    public static DeviceInspectionFinding Judge(IReadOnlyList<PersonDevice> found, IReadOnlyList<PersonDevice> known, DevicesCondition? condition)
    {
        var seen = found.Select(f => new DeviceSeen(f, known.FirstOrDefault(k => SameDevice(f, k)))).ToList();
        if (condition is null || !condition.IsInForce)
            return new(seen, false, seen.Count == 0 ? "" : "No devices condition in force: the devices are recorded, and no breach follows from them.");
        var restricts = condition.MustRegisterDevices || condition.MaxPhones is not null;
        var unregistered = seen.Where(d => !d.IsRegistered).ToList();
        var phones = seen.Count(d => d.Found.Type == DeviceType.Phone);
        var reasons = new List<string>();
        if (restricts && unregistered.Count > 0)
            reasons.Add($"{Plural.Of(unregistered.Count, "device")} found that {(unregistered.Count == 1 ? "is" : "are")} not registered under the order's devices condition: {string.Join("; ", unregistered.Select(d => IdentifierRules.Describe(d.Known ?? d.Found)))}.");
        if (condition.MaxPhones is { } max && phones > max)
            reasons.Add($"{phones} phones found where the order allows {max}.");
        return new(seen, reasons.Count > 0, string.Join(" ", reasons));
    }

    public static bool SameDevice(PersonDevice a, PersonDevice b) =>
        (a.Imei is not null && a.Imei == b.Imei) || (a.PhoneNumber is not null && a.PhoneNumber == b.PhoneNumber);
}
