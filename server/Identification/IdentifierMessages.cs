using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Identification;

/// <summary>Maps identifiers between the contract and the domain (maps only; never queries).</summary>
public static class IdentifierMessages
{
    public static readonly EnumTable<MarkType, V1.MarkType> MarkTypes = new(new Dictionary<MarkType, V1.MarkType>
    {
        [MarkType.Mark] = V1.MarkType.Mark,
        [MarkType.Scar] = V1.MarkType.Scar,
        [MarkType.Tattoo] = V1.MarkType.Tattoo,
        [MarkType.Birthmark] = V1.MarkType.Birthmark,
        [MarkType.Piercing] = V1.MarkType.Piercing,
        [MarkType.Amputation] = V1.MarkType.Amputation,
    });

    public static readonly EnumTable<VehicleLink, V1.VehicleLink> VehicleLinks = new(new Dictionary<VehicleLink, V1.VehicleLink>
    {
        [VehicleLink.Owner] = V1.VehicleLink.Owner,
        [VehicleLink.User] = V1.VehicleLink.User,
        [VehicleLink.SeenDriving] = V1.VehicleLink.SeenDriving,
    });

    public static readonly EnumTable<DeviceType, V1.DeviceType> DeviceTypes = new(new Dictionary<DeviceType, V1.DeviceType>
    {
        [DeviceType.Phone] = V1.DeviceType.Phone,
        [DeviceType.Tablet] = V1.DeviceType.Tablet,
        [DeviceType.Computer] = V1.DeviceType.Computer,
        [DeviceType.Other] = V1.DeviceType.Other,
    });

    /// <summary>The details in a request's oneof, or null (with a violation unless <paramref name="optional"/>) when none is set.</summary>
    public static IdentifierDetails? ToDetails(V1.Mark? mark, V1.Vehicle? vehicle, V1.Device? device, V1.OnlineIdentifier? online, Validator v, bool optional = false)
    {
        if (mark is not null)
            return new MarkDetails(MarkTypes.Required(v, "mark.type", mark.Type), mark.BodyLocation, mark.Description);
        if (vehicle is not null)
            return new VehicleDetails(vehicle.Registration, vehicle.Make, vehicle.Model, vehicle.Colour, VehicleLinks.Required(v, "vehicle.link", vehicle.Link), vehicle.Notes);
        if (device is not null) return Device(device, v, "device");
        if (online is not null) return new OnlineDetails(online.Platform, online.Handle, online.Notes);
        if (!optional) v.Add("detail", "give one of mark, vehicle, device or online");
        return null;
    }

    public static DeviceDetails Device(V1.Device device, Validator v, string field)
    {
        var condition = v.Id($"{field}.registered_condition_id", device.RegisteredConditionId, required: false);
        return new DeviceDetails(DeviceTypes.Required(v, $"{field}.type", device.Type), device.PhoneNumber, device.Imei, condition.OrNull(), device.Description);
    }

    public static DeviceDetails Found(V1.DeviceFound found, Validator v, string field) =>
        new(DeviceTypes.Required(v, $"{field}.type", found.Type), found.PhoneNumber, found.Imei, null, found.Description);

    public static V1.Identifier ToMessage(PersonIdentifier identifier)
    {
        var message = new V1.Identifier
        {
            Id = identifier.Id.ToString(), PersonId = identifier.PersonId.ToString(),
            RecordedBy = identifier.RecordedBy, RecordedAt = Timestamp.FromDateTimeOffset(identifier.RecordedAt),
            UpdatedBy = identifier.UpdatedBy, UpdatedAt = Timestamp.FromDateTimeOffset(identifier.UpdatedAt),
            Retired = identifier.RetiredAt is not null, Version = identifier.Version, Display = IdentifierRules.Describe(identifier),
        };
        switch (identifier)
        {
            case PersonMark m:
                message.Mark = new V1.Mark { Type = MarkTypes.ToProto(m.Type), BodyLocation = m.BodyLocation, Description = m.Description };
                break;
            case PersonVehicle ve:
                message.Vehicle = new V1.Vehicle
                {
                    Registration = RegistrationMark.Display(ve.Registration), Make = ve.Make, Model = ve.Model, Colour = ve.Colour,
                    Link = VehicleLinks.ToProto(ve.Link), Notes = ve.Description,
                };
                break;
            case PersonDevice d:
                message.Device = new V1.Device
                {
                    Type = DeviceTypes.ToProto(d.Type), PhoneNumber = d.PhoneNumber ?? "", Imei = d.Imei ?? "", Description = d.Description,
                    RegisteredConditionId = d.RegisteredConditionId?.ToString() ?? "", FoundAtCheckId = d.FoundAtCheckId?.ToString() ?? "",
                };
                break;
            case OnlineIdentifier o:
                message.Online = new V1.OnlineIdentifier { Platform = o.Platform, Handle = o.Handle, Notes = o.Description };
                break;
        }
        return message;
    }

    public static readonly WordTable<IdentifierKind> KindWords = new(new Dictionary<IdentifierKind, string>
    {
        [IdentifierKind.Mark] = "mark", [IdentifierKind.Vehicle] = "vehicle", [IdentifierKind.Device] = "device", [IdentifierKind.Online] = "online identity",
    });

    public static readonly WordTable<MarkType> MarkTypeWords = new(new Dictionary<MarkType, string>
    {
        [MarkType.Mark] = "mark", [MarkType.Scar] = "scar", [MarkType.Tattoo] = "tattoo", [MarkType.Birthmark] = "birthmark",
        [MarkType.Piercing] = "piercing", [MarkType.Amputation] = "amputation",
    });

    public static readonly WordTable<DeviceType> DeviceTypeWords = new(new Dictionary<DeviceType, string>
    {
        [DeviceType.Phone] = "phone", [DeviceType.Tablet] = "tablet", [DeviceType.Computer] = "computer", [DeviceType.Other] = "other device",
    });
}
