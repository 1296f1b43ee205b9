namespace IssueHygiene.Storage.Deliveries;

public enum DeliveryStatus
{
    Pending,
    Claimed,
    Done,
    Dead,
}
