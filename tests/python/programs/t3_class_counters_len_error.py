# Class attributes as counters shared across instances; ends with an uncaught TypeError from len(int)
class Ticket:
    issued = 0
    by_kind = {}

    def __init__(self, kind):
        Ticket.issued += 1
        self.number = Ticket.issued
        Ticket.by_kind[kind] = Ticket.by_kind.get(kind, 0) + 1
        self.kind = kind

    def __repr__(self):
        return f"Ticket#{self.number}({self.kind})"

class VipTicket(Ticket):
    issued = 100  # separate counter on the subclass

    def __init__(self):
        super().__init__("vip")
        VipTicket.issued += 1

tickets = [Ticket("adult"), Ticket("child"), VipTicket(), Ticket("adult"), VipTicket()]
print(tickets)
print(Ticket.issued, VipTicket.issued, Ticket.by_kind is VipTicket.by_kind)
t = tickets[0]
t.issued = -1  # instance attribute shadows the class attribute
print(t.issued, Ticket.issued, tickets[1].issued, tickets[2].issued, "issued" in t.__dict__)
del t.issued
print(t.issued, Ticket.by_kind)
sizes = [len(Ticket.by_kind), len(repr(tickets[2]))]
print(sizes)
sizes.append(len(Ticket.issued))
print(sizes)
