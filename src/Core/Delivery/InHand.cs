namespace Antq.Core.Delivery;

/// <summary>
/// What the dispatcher holds (leased or handed over, not yet sent), by channel and by chat, under one lock: how much
/// room a channel has for more, how many rows one chat holds, which chats wait out their own per-chat limit.
/// </summary>
/// <remarks>
/// A channel's budget counts the chats whose next message is ready to go, not the rows behind it in the same chat nor
/// a chat waiting out its own limit: a chat sent many messages at once holds at most <c>perChat</c> rows and, while
/// it waits, takes none of the channel's room from the others. <c>ceiling</c> bounds all the rows a channel holds.
/// </remarks>
internal sealed class InHand(IReadOnlyDictionary<string, int> budgets, int perChat, int ceiling)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Channel, string ChatId), ChatRows> _chats = [];
    private readonly Dictionary<string, ChannelCount> _channels = budgets.ToDictionary(b => b.Key, b => new ChannelCount(b.Value));
    private readonly TaskCompletionSource _allBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _total;
    private bool _open = true;

    /// <summary>Most rows one chat may hold.</summary>
    public int PerChat => perChat;

    public int Total => Volatile.Read(ref _total);

    /// <summary>
    /// How many more rows the channel may lease. None: the leasing loop waits, and what makes room wakes it (a row
    /// finished, a chat starting to wait out its limit); room made while nobody waits for it wakes nobody.
    /// </summary>
    public int Room(string channel)
    {
        lock (_lock)
        {
            var count = _channels[channel];
            var room = count.Room(ceiling);
            count.RoomWanted = room <= 0;
            return room;
        }
    }

    /// <summary>Leased rows, put behind the rows of their chats already held; returns the chats that need a sender.</summary>
    public List<ChatRows> Add(IReadOnlyList<OutboxMessage> rows)
    {
        List<ChatRows> start = [];
        lock (_lock)
        {
            foreach (var row in rows)
            {
                var chat = Enter(row.Channel, row.ChatId);
                chat.Count++;
                _channels[row.Channel].Rows++;
                _total++;
                chat.Rows.Enqueue(row);
                if (!chat.Sending)
                {
                    chat.Sending = true;
                    start.Add(chat);
                }
            }
        }

        return start;
    }

    /// <summary>
    /// Room for a turn's <paramref name="count"/> replies to be handed over (see <see cref="ReplyHandoff"/>): the chat
    /// stays within its own limit and a chat not held yet takes its place in the channel's budget, like a leased one.
    /// </summary>
    public bool Reserve(string channel, string chatId, int count)
    {
        lock (_lock)
        {
            var channelCount = _channels[channel];
            var known = _chats.TryGetValue((channel, chatId), out var chat);
            if (!_open || (chat?.Count ?? 0) + count > perChat || channelCount.Rows + count > ceiling || (!known && channelCount.Room(ceiling) <= 0))
            {
                return false;
            }

            chat = Enter(channel, chatId);
            chat.Count += count;
            channelCount.Rows += count;
            _total += count;
            return true;
        }
    }

    /// <summary>Reserved rows arriving; the chat if it needs a sender, null if its sender runs or the dispatcher stops.</summary>
    public ChatRows? Take(IReadOnlyList<OutboxMessage> rows, out bool taken)
    {
        lock (_lock)
        {
            var chat = _chats[(rows[0].Channel, rows[0].ChatId)];
            taken = _open;
            if (!taken)
            {
                ReleaseLocked(chat, rows.Count);
                return null;
            }

            foreach (var row in rows)
            {
                chat.Rows.Enqueue(row);
            }

            if (chat.Sending)
            {
                return null;
            }

            chat.Sending = true;
            return chat;
        }
    }

    /// <summary>Reserved rows that will not come (the turn failed to commit).</summary>
    public void Release(string channel, string chatId, int count)
    {
        lock (_lock)
        {
            ReleaseLocked(_chats[(channel, chatId)], count);
        }
    }

    /// <summary>The chat's next row; null when it has none left (its sender ends).</summary>
    public OutboxMessage? Next(ChatRows chat)
    {
        lock (_lock)
        {
            if (chat.Rows.TryDequeue(out var row))
            {
                return row;
            }

            chat.Sending = false;
            if (chat.Count == 0)
            {
                Leave(chat);
            }

            return null;
        }
    }

    /// <summary>The chat waits out its own limit (or is done waiting); true when that made room someone waits for.</summary>
    public bool Hold(ChatRows chat, bool held)
    {
        lock (_lock)
        {
            if (chat.Held == held)
            {
                return false;
            }

            chat.Held = held;
            var count = _channels[chat.Channel];
            count.Ready += held ? -1 : 1;
            return held && Wanted(count);
        }
    }

    /// <summary>One row done; true when that made room someone waits for.</summary>
    public bool Finish(ChatRows chat)
    {
        lock (_lock)
        {
            chat.Count--;
            var count = _channels[chat.Channel];
            count.Rows--;
            _total--;
            if (_total == 0 && !_open)
            {
                _allBack.TrySetResult();
            }

            return Wanted(count);
        }
    }

    /// <summary>Takes no more; completes once every row held is finished.</summary>
    public Task CloseAsync()
    {
        lock (_lock)
        {
            _open = false;
            if (_total == 0)
            {
                _allBack.TrySetResult();
            }
        }

        return _allBack.Task;
    }

    private ChatRows Enter(string channel, string chatId)
    {
        if (!_chats.TryGetValue((channel, chatId), out var chat))
        {
            chat = new ChatRows(channel, chatId);
            _chats[(channel, chatId)] = chat;
            _channels[channel].Ready++;
        }

        return chat;
    }

    private void Leave(ChatRows chat)
    {
        _chats.Remove((chat.Channel, chat.ChatId));
        if (!chat.Held)
        {
            _channels[chat.Channel].Ready--;
        }
    }

    private void ReleaseLocked(ChatRows chat, int count)
    {
        chat.Count -= count;
        _channels[chat.Channel].Rows -= count;
        _total -= count;
        if (chat.Count == 0 && !chat.Sending)
        {
            Leave(chat);
        }

        if (_total == 0 && !_open)
        {
            _allBack.TrySetResult();
        }
    }

    private bool Wanted(ChannelCount count)
    {
        if (!count.RoomWanted || count.Room(ceiling) <= 0)
        {
            return false;
        }

        count.RoomWanted = false;
        return true;
    }

    /// <summary>One chat's rows in hand, sent one after the other by one sender.</summary>
    internal sealed class ChatRows(string channel, string chatId)
    {
        public string Channel => channel;

        public string ChatId => chatId;

        public Queue<OutboxMessage> Rows { get; } = new();

        /// <summary>Rows held: waiting, being sent, or reserved for a turn about to hand them over.</summary>
        public int Count { get; set; }

        public bool Sending { get; set; }

        /// <summary>Waiting out the chat's own limit: its rows take no room in the channel's budget meanwhile.</summary>
        public bool Held { get; set; }
    }

    private sealed class ChannelCount(int budget)
    {
        public int Rows { get; set; }

        /// <summary>Chats held whose next row is not waiting out its chat's limit.</summary>
        public int Ready { get; set; }

        public bool RoomWanted { get; set; }

        public int Room(int ceiling) => Math.Min(budget - Ready, ceiling - Rows);
    }
}
